package eu.danubia.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;

/** The upsert into the core tables, on H2 and PostgreSQL, with the real reference files. */
class ReferenceDataStoreTest {

    private static ReferenceData data;

    @BeforeAll
    static void load() {
        data = ReferenceData.fromClasspath(ReferenceDataStoreTest.class.getClassLoader());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void loadingTwiceLeavesTheSameRows(Database db) {
        ReferenceDataStore store = new ReferenceDataStore(db);

        assertThat(store.upsertNuts(data.nuts())).isEqualTo(new ReferenceDataStore.Counts(1848, 0, 0));
        assertThat(store.upsertNace(data.nace())).isEqualTo(new ReferenceDataStore.Counts(703, 0, 0));
        String firstNuts = fingerprint(db, "SELECT code || '|' || level || '|' || country || '|' || name AS v FROM nuts_regions");
        String firstNace = fingerprint(db, "SELECT code || '|' || label_en || '|' || label_sk AS v FROM nace_codes");

        assertThat(store.upsertNuts(data.nuts())).isEqualTo(new ReferenceDataStore.Counts(0, 0, 1848));
        assertThat(store.upsertNace(data.nace())).isEqualTo(new ReferenceDataStore.Counts(0, 0, 703));

        assertThat(count(db, "SELECT COUNT(*) FROM nuts_regions WHERE level = 2")).isEqualTo(334);
        assertThat(count(db, "SELECT COUNT(*) FROM nuts_regions WHERE level = 3")).isEqualTo(1514);
        assertThat(count(db, "SELECT COUNT(*) FROM nace_codes")).isEqualTo(703);
        assertThat(fingerprint(db, "SELECT code || '|' || level || '|' || country || '|' || name AS v FROM nuts_regions"))
                .isEqualTo(firstNuts);
        assertThat(fingerprint(db, "SELECT code || '|' || label_en || '|' || label_sk AS v FROM nace_codes"))
                .isEqualTo(firstNace);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void storesTheExtractedValues(Database db) {
        ReferenceDataStore store = new ReferenceDataStore(db);
        store.upsertNuts(data.nuts());
        store.upsertNace(data.nace());

        assertThat(one(db, "SELECT level || ' ' || country || ' ' || name FROM nuts_regions WHERE code = ?", "HU110"))
                .isEqualTo("3 HU Budapest");
        assertThat(one(db, "SELECT label_en || ' / ' || label_sk FROM nace_codes WHERE code = ?", "62.01"))
                .isEqualTo("Computer programming act / Počítačové programovanie");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.danubia.store.testing.TestDatabases#all")
    void repairsRowsThatDifferFromTheSource(Database db) {
        ReferenceDataStore store = new ReferenceDataStore(db);
        store.upsertNuts(data.nuts());
        store.upsertNace(data.nace());
        db.transaction(c -> Jdbc.update(c, "UPDATE nuts_regions SET name = ? WHERE code = ?", "edited", "RO11"));
        db.transaction(c -> Jdbc.update(c, "DELETE FROM nace_codes WHERE code = ?", "62.01"));

        assertThat(store.upsertNuts(data.nuts())).isEqualTo(new ReferenceDataStore.Counts(0, 1, 1847));
        assertThat(store.upsertNace(data.nace())).isEqualTo(new ReferenceDataStore.Counts(1, 0, 702));
        assertThat(one(db, "SELECT name FROM nuts_regions WHERE code = ?", "RO11")).isEqualTo("Nord-Vest");
    }

    private static long count(Database db, String sql) {
        Long n = db.read(c -> Jdbc.count(c, sql));
        return n;
    }

    private static String one(Database db, String sql, String code) {
        Optional<String> v = db.read(c -> Jdbc.one(c, sql, rs -> rs.getString(1), code));
        return v.orElseThrow();
    }

    /** All rows as one sorted string, to compare table contents across loads. */
    private static String fingerprint(Database db, String select) {
        List<String> rows = db.read(c -> Jdbc.query(c, select + " ORDER BY v", rs -> rs.getString("v")));
        return String.join("\n", rows);
    }
}
