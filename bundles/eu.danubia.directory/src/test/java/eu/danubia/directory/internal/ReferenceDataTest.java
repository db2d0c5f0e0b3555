package eu.danubia.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.ValidationException;
import eu.danubia.directory.internal.ReferenceData.NaceCode;
import eu.danubia.directory.internal.ReferenceData.NutsRegion;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;

class ReferenceDataTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void findsNaceCodesByCodePrefixOrLabelText(Database db) {
        db.transaction(c -> {
            nace(c, "J", "Information and communication");
            nace(c, "62", "Computer programming, consultancy and related activities");
            nace(c, "62.01", "Computer programming activities");
            nace(c, "62.02", "Computer consultancy activities");
            nace(c, "26.20", "Manufacture of computers and peripheral equipment");
            nace(c, "01.11", "Growing of cereals (except rice), leguminous crops and oil seeds");
            nace(c, "38.32", "Recovery of 100% sorted materials");
            nace(c, "38.31", "Dismantling of 1000 wrecks");
            for (int i = 10; i < 70; i++) {
                nace(c, "99." + i, "Filler activity");
            }
            return null;
        });
        ReferenceData reference = new ReferenceData(db);

        assertThat(reference.nace("62", null)).extracting(NaceCode::code).containsExactly("62", "62.01", "62.02");
        assertThat(reference.nace("62.01", null)).containsExactly(new NaceCode("62.01", "Computer programming activities"));
        assertThat(reference.nace("COMPUTER", null)).extracting(NaceCode::code).containsExactly("26.20", "62", "62.01", "62.02");
        assertThat(reference.nace("j", null)).extracting(NaceCode::code).containsExactly("J");
        assertThat(reference.nace("S (E", null)).extracting(NaceCode::code).containsExactly("01.11");
        assertThat(reference.nace("0%", null)).extracting(NaceCode::code).containsExactly("38.32");
        assertThat(reference.nace(null, null)).hasSize(ReferenceData.NACE_DEFAULT_LIMIT);
        assertThat(reference.nace("", 1000)).hasSize(ReferenceData.NACE_MAX_LIMIT);
        assertThat(reference.nace("filler", 3)).extracting(NaceCode::code).containsExactly("99.10", "99.11", "99.12");
        assertThat(catchThrowableOfType(ValidationException.class, () -> reference.nace("x", 0)).errors())
                .containsOnlyKeys("limit");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void listsNutsRegionsByCountryAndLevel(Database db) {
        db.transaction(c -> {
            nuts(c, "RO", 0, "RO", "România");
            nuts(c, "RO1", 1, "RO", "Macroregiunea Unu");
            nuts(c, "RO11", 2, "RO", "Nord-Vest");
            nuts(c, "RO12", 2, "RO", "Centru");
            nuts(c, "RO111", 3, "RO", "Bihor");
            nuts(c, "HU11", 2, "HU", "Budapest");
            return null;
        });
        ReferenceData reference = new ReferenceData(db);

        assertThat(reference.nuts("ro", 2)).containsExactly(new NutsRegion("RO11", "Nord-Vest", 2, "RO"),
                new NutsRegion("RO12", "Centru", 2, "RO"));
        assertThat(reference.nuts("RO", null)).extracting(NutsRegion::code)
                .containsExactly("RO", "RO1", "RO11", "RO111", "RO12");
        assertThat(reference.nuts(null, 2)).extracting(NutsRegion::code).containsExactly("HU11", "RO11", "RO12");
        assertThat(reference.nuts("SK", 2)).isEmpty();
        assertThat(catchThrowableOfType(ValidationException.class, () -> reference.nuts("Romania", 4)).errors())
                .containsOnlyKeys("country", "level");
    }

    private static void nace(java.sql.Connection c, String code, String label) throws java.sql.SQLException {
        Jdbc.update(c, "INSERT INTO nace_codes (code, label_en) VALUES (?, ?)", code, label);
    }

    private static void nuts(java.sql.Connection c, String code, int level, String country, String name)
            throws java.sql.SQLException {
        Jdbc.update(c, "INSERT INTO nuts_regions (code, level, country, name) VALUES (?, ?, ?, ?)", code, level, country, name);
    }
}
