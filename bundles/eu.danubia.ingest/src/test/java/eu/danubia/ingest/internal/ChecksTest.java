package eu.danubia.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.RegionStat;

class ChecksTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

    @Test
    void naceCodesAreDivisionsGroupsOrClasses() {
        assertThat(List.of("62", "62.0", "62.01", "01.11")).allMatch(Checks::nace);
        assertThat(List.of("6201", "62.011", "62.", "6", "J", "J62", "62,01", "")).noneMatch(Checks::nace);
    }

    @Test
    void connectorIdsAreLowerCase() {
        assertThat(errors("cz-ares")).isEmpty();
        assertThat(errors("eurostat_2")).isEmpty();
        assertThat(List.of("CZ-ARES", "-cz", "cz ares", "a".repeat(41), " ")).allSatisfy(s -> assertThat(errors(s)).containsKey("source"));
    }

    @Test
    void greekRegionsStartWithEl() {
        CompanyRecord greek = company("GR", "EL514");
        assertThat(Checks.company(greek, "p", TODAY)).isEmpty();
        assertThat(Checks.company(company("BG", "EL514"), "p", TODAY)).containsOnlyKeys("nutsCode");
        assertThat(Checks.company(company("RO", "RO11"), "p", TODAY)).isEmpty();
        assertThat(Checks.company(company("RO", "ro11"), "p", TODAY)).containsOnlyKeys("nutsCode");
        assertThat(Checks.company(company("RO", "R011"), "p", TODAY)).containsOnlyKeys("nutsCode");
    }

    @Test
    void eurostatCodesAreAccepted() {
        // nama_10r_3empers: NACE aggregates, country-level regions, flags
        assertThat(Checks.regionStat(new RegionStat("nama_10r_3empers", "DE", "M_N", "THS_SAL", 2021, null, "bp"), "p")).isEmpty();
        assertThat(Checks.regionStat(new RegionStat("nama_10r_3empers", "EL514", "B-E", "THS_EMP", 1995, null, null), "p")).isEmpty();
        assertThat(Checks.regionStat(new RegionStat("nama_10r_3empers", "EA20", "B-E", "THS_EMP", 1995, null, "1"), "p"))
                .containsOnlyKeys("flag");
    }

    @Test
    void longPositionsKeepTheirDocumentAndTheirLine() {
        String url = "https://data.gov.ua/dataset/edr/resource/" + "x".repeat(800) + ".json, $[7]";
        String stored = Checks.position(url);
        assertThat(stored).hasSize(Checks.POSITION_MAX).startsWith("https://data.gov.ua/dataset/edr/").endsWith("x.json, $[7]")
                .contains("\u2026");
        assertThat(Checks.position("od_firme.csv line 42")).isEqualTo("od_firme.csv line 42");
        assertThat(Checks.position("a\u0000b")).isEqualTo("a\uFFFDb");
        // a character outside the BMP is not cut in half
        String emoji = "\uD83D\uDE00".repeat(400);
        assertThat(Checks.position(emoji).codePoints()).allMatch(cp -> cp == 0x1F600 || cp == 0x2026);
    }

    private static java.util.Map<String, String> errors(String source) {
        return Checks.company(new CompanyRecord(source, "26168685", "Seznam.cz, a.s.", null, List.of(), null, null, null, "CZ",
                null, null, null), "p", TODAY);
    }

    private static CompanyRecord company(String country, String nuts) {
        return new CompanyRecord("x", "1", "n", null, List.of(), null, null, null, country, nuts, null, null);
    }
}
