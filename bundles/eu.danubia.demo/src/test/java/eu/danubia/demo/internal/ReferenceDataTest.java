package eu.danubia.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import eu.danubia.demo.internal.ReferenceData.NaceCode;
import eu.danubia.demo.internal.ReferenceData.NutsRegion;

/**
 * Extraction from the real files of shared/data/nuts (Eurostat GISCO NUTS 2021) and
 * shared/data/nace (SK NACE Rev.2 code list), as the build copies them into the bundle.
 */
class ReferenceDataTest {

    private static ReferenceData data;
    private static Map<String, NutsRegion> nuts;
    private static Map<String, NaceCode> nace;

    @BeforeAll
    static void load() {
        data = ReferenceData.fromClasspath(ReferenceDataTest.class.getClassLoader());
        nuts = data.nuts().stream().collect(Collectors.toMap(NutsRegion::code, Function.identity()));
        nace = data.nace().stream().collect(Collectors.toMap(NaceCode::code, Function.identity()));
    }

    @Test
    void nutsHasEveryRegionOfLevels2And3() {
        Map<Integer, Long> perLevel = data.nuts().stream()
                .collect(Collectors.groupingBy(NutsRegion::level, Collectors.counting()));
        assertThat(perLevel).containsOnly(Map.entry(2, 334L), Map.entry(3, 1514L));
        assertThat(nuts).hasSize(334 + 1514);
    }

    @Test
    void nutsRegionsCarryTheirLatinNames() {
        assertThat(nuts.get("RO11")).isEqualTo(new NutsRegion("RO11", 2, "RO", "Nord-Vest"));
        assertThat(nuts.get("HU110")).isEqualTo(new NutsRegion("HU110", 3, "HU", "Budapest"));
        assertThat(nuts.get("CZ064")).isEqualTo(new NutsRegion("CZ064", 3, "CZ", "Jihomoravský kraj"));
        assertThat(nuts.get("SK042")).isEqualTo(new NutsRegion("SK042", 3, "SK", "Košický kraj"));
        assertThat(nuts.get("RO113").name()).isEqualTo("Cluj");
    }

    @Test
    void danubeCountriesOutsideNutsHaveNoRegions() {
        assertThat(data.nuts()).noneMatch(r -> List.of("UA", "MD", "BA").contains(r.country()));
        assertThat(data.nuts()).allMatch(r -> r.code().startsWith(r.country()) && r.name().length() <= 200);
    }

    @Test
    void naceHasEveryClassAndDivision() {
        long classes = data.nace().stream().filter(c -> c.code().matches("\\d{2}\\.\\d{2}")).count();
        long divisions = data.nace().stream().filter(c -> c.code().matches("\\d{2}")).count();
        // NACE Rev.2 has 615 classes in 88 divisions
        assertThat(classes).isEqualTo(615);
        assertThat(divisions).isEqualTo(88);
        assertThat(data.nace()).hasSize(615 + 88);
    }

    @Test
    void naceClassesTakeTheLabelsOfTheirSkCode() {
        assertThat(nace.get("62.01")).isEqualTo(new NaceCode("62.01", "Computer programming act", "Počítačové programovanie"));
        assertThat(nace.get("29.10").labelEn()).isEqualTo("Manuf.of mot.vehicles");
    }

    @Test
    void aClassSplitIntoSlovakSubclassesJoinsTheirDistinctLabels() {
        assertThat(nace.get("36.00").labelEn()).isEqualTo("Potable,util.water coll.; Oth.water collection");
        // both sub-classes of 55.90 carry the same English label in the source
        assertThat(nace.get("55.90").labelEn()).isEqualTo("Accom.in stud.residences");
        assertThat(nace.get("55.90").labelSk()).isEqualTo("Ubytov.vo VŠ internátoch; Ubytovanie ost.dočasné");
    }

    @Test
    void divisionsAreLabelledWithTheirClasses() {
        assertThat(nace.get("62").labelEn()).isEqualTo("Computer programming act; Computer consultancy act; "
                + "Comp.facilit.managem.act; Oth.info.techn.serv.act.");
        assertThat(nace.get("12").labelEn()).isEqualTo(nace.get("12.00").labelEn());
        assertThat(data.nace()).allMatch(c -> c.labelEn().length() <= ReferenceData.LABEL_MAX
                && c.labelSk() != null && c.labelSk().length() <= ReferenceData.LABEL_MAX);
        // division 46 (wholesale) has far more labels than fit: cut at a label boundary
        assertThat(nace.get("46").labelEn()).endsWith("; …").startsWith("Agents of sale of agric.; Agents of sale of fuels; ");
    }

    @Test
    void joinCutsAtALabelBoundary() {
        LinkedHashSet<String> labels = new LinkedHashSet<>(List.of("a".repeat(200), "b".repeat(90), "c".repeat(10)));
        assertThat(ReferenceData.join(labels)).isEqualTo("a".repeat(200) + "; " + "b".repeat(90) + "; …");
        assertThat(ReferenceData.join(new LinkedHashSet<>(List.of("x".repeat(400))))).hasSize(300).endsWith("…");
    }

    @Test
    void refusesCodesThatAreNotSkNace() {
        String json = "{\"klasifikacie\":[{\"kod\":\"6201\",\"nazov\":{\"sk\":\"x\",\"en\":\"y\"}}]}";
        assertThatThrownBy(() -> ReferenceData.nace(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6201");
    }

    @Test
    void refusesANutsFeatureWhoseLevelDoesNotMatchItsCode() {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
                + "{\"type\":\"Point\",\"coordinates\":[1,2]},\"properties\":{\"NUTS_ID\":\"RO11\",\"LEVL_CODE\":3,"
                + "\"CNTR_CODE\":\"RO\",\"NAME_LATN\":\"Nord-Vest\"}}]}";
        assertThatThrownBy(() -> ReferenceData.nuts(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RO11");
    }
}
