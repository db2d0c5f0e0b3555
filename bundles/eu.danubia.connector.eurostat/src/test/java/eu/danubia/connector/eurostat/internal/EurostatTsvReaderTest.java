package eu.danubia.connector.eurostat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import eu.danubia.api.ingest.RegionStat;
import eu.danubia.connector.sdk.Item;
import eu.danubia.connector.sdk.testing.Reading;

/**
 * The real Eurostat excerpt ({@code shared/data/eurostat}: nama_10r_3empers, 20 rows, Danube-region countries)
 * and hand-written excerpts of other datasets (test resources, see README.md there).
 */
class EurostatTsvReaderTest {

    static final Path EXCERPT = Path.of("../../../shared/data/eurostat/nama_10r_3empers-excerpt.tsv");

    @Test
    void theRealExcerptYieldsTwentySeriesWithFlagsKeptAndColonAsMissing() throws IOException {
        List<Item> items = read(DatasetSpec.parse("nama_10r_3empers"), Files.readAllBytes(EXCERPT));

        assertThat(items).allMatch(Item.Accepted.class::isInstance);
        List<RegionStat> stats = stats(items);
        assertThat(stats).hasSize(20 * 28);
        Set<List<String>> series = stats.stream().map(s -> List.of(s.dataset(), s.nutsCode(), s.nace(), s.unit()))
                .collect(Collectors.toSet());
        assertThat(series).hasSize(20);
        assertThat(stats).extracting(RegionStat::year).containsOnly(range(1995, 2022));

        // A,THS,SAL,F,DE234: ': ' in 1995, '3.16 p' in 2020, ': ' in 2022
        assertThat(stat(stats, "DE234", "F", 1995)).isEqualTo(
                new RegionStat("nama_10r_3empers.wstatus.SAL", "DE234", "F", "THS", 1995, null, ""));
        assertThat(stat(stats, "DE234", "F", 2020)).isEqualTo(
                new RegionStat("nama_10r_3empers.wstatus.SAL", "DE234", "F", "THS", 2020, new BigDecimal("3.16"), "p"));
        assertThat(stat(stats, "DE234", "F", 2019).flag()).isEmpty();
        assertThat(stat(stats, "DE234", "F", 2022).value()).isNull();
        // A,THS,EMP,B-E,EL514: '3.58 b' in 2010 (a break in series)
        assertThat(stat(stats, "EL514", "B-E", 2010)).isEqualTo(
                new RegionStat("nama_10r_3empers.wstatus.EMP", "EL514", "B-E", "THS", 2010, new BigDecimal("3.58"), "b"));
        // A,THS,EMP,M_N,RS212: every year provisional
        assertThat(stats).filteredOn(s -> s.nutsCode().equals("RS212") && s.value() != null).extracting(RegionStat::flag)
                .containsOnly("p").hasSize(22);
        // a whole number keeps no decimals; a country total is a region too
        assertThat(stat(stats, "DE", "G-I", 2019).value()).isEqualTo(new BigDecimal("10231"));

        Map<String, Long> flags = stats.stream().collect(Collectors.groupingBy(RegionStat::flag, Collectors.counting()));
        assertThat(flags).containsOnlyKeys("", "p", "b").containsEntry("b", 1L).containsEntry("p", 30L);
        assertThat(stats.stream().filter(s -> s.value() == null).count()).isEqualTo(94);
        assertThat(items.get(0).position()).isEqualTo("line 2, 1995");
    }

    @Test
    void structuralBusinessStatisticsTakeTheirUnitFromTheIndicator() throws IOException {
        List<Item> items = read(DatasetSpec.parse("sbs_r_nuts06_r2"), resource("sbs_r_nuts06_r2-excerpt.tsv"));

        List<RegionStat> stats = stats(items);
        assertThat(stats).extracting(RegionStat::dataset).containsOnly("sbs_r_nuts06_r2");
        assertThat(stats).extracting(RegionStat::nutsCode).doesNotContain("EU27_2020");
        assertThat(stats).hasSize(12);
        assertThat(stats).contains(
                new RegionStat("sbs_r_nuts06_r2", "RO11", "C", "V11210", 2021, new BigDecimal("9650"), "p"),
                new RegionStat("sbs_r_nuts06_r2", "HU11", "C", "V11210", 2019, null, "c"),
                new RegionStat("sbs_r_nuts06_r2", "RO11", "C", "V16110", 2020, new BigDecimal("205120"), "b"),
                new RegionStat("sbs_r_nuts06_r2", "RO11", "C", "V16110", 2021, null, ""),
                new RegionStat("sbs_r_nuts06_r2", "AT13", "F", "V16110", 2021, new BigDecimal("74002"), "e"));
    }

    @Test
    void filtersKeepOnlyTheChosenValues() throws IOException {
        List<Item> items = read(DatasetSpec.parse("nama_10r_3empers?wstatus=SAL&geo=CZ05,SI032"), Files.readAllBytes(EXCERPT));

        assertThat(stats(items)).extracting(RegionStat::nutsCode).containsOnly("CZ05", "SI032").hasSize(2 * 28);
    }

    @Test
    void aDatasetWithoutActivityGetsTotalAndOnlyAnnualColumnsAreRead() throws IOException {
        List<Item> items = read(DatasetSpec.parse("demo_r_pjangrp3"), resource("demo-no-nace.tsv"));

        assertThat(stats(items)).extracting(RegionStat::dataset, RegionStat::nace, RegionStat::unit, RegionStat::year, RegionStat::value)
                .containsExactly(
                        tuple("demo_r_pjangrp3.sex.T.age.TOTAL", "TOTAL", "NR", 2021, new BigDecimal("2550000")),
                        tuple("demo_r_pjangrp3.sex.T.age.TOTAL", "TOTAL", "NR", 2022, new BigDecimal("2540000")),
                        tuple("demo_r_pjangrp3.sex.F.age.TOTAL", "TOTAL", "NR", 2021, new BigDecimal("1300000")),
                        tuple("demo_r_pjangrp3.sex.F.age.TOTAL", "TOTAL", "NR", 2022, null));
    }

    @Test
    void dimensionRolesCanBeNamedAndMustExist() throws IOException {
        List<Item> items = read(DatasetSpec.parse("sbs_r_nuts06_r2?unitDimension=nace_r2&naceDimension=indic_sb"),
                resource("sbs_r_nuts06_r2-excerpt.tsv"));
        assertThat(stats(items).get(0)).extracting(RegionStat::nace, RegionStat::unit).containsExactly("V11210", "C");

        assertThatThrownBy(() -> read(DatasetSpec.parse("sbs_r_nuts06_r2?unitDimension=unit"), resource("sbs_r_nuts06_r2-excerpt.tsv")))
                .isInstanceOf(IOException.class).hasMessageContaining("unitDimension=unit");
        assertThatThrownBy(() -> read(DatasetSpec.parse("sbs_r_nuts06_r2?sex=F"), resource("sbs_r_nuts06_r2-excerpt.tsv")))
                .isInstanceOf(IOException.class).hasMessageContaining("filter on sex");
        assertThatThrownBy(() -> DatasetSpec.parse("nama 10r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatasetSpec.parse("nama_10r_3empers?wstatus")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gzipIsReadAsTheDisseminationApiSendsIt() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(Files.readAllBytes(EXCERPT));
        }
        assertThat(stats(read(DatasetSpec.parse("nama_10r_3empers"), zipped.toByteArray()))).hasSize(20 * 28);
    }

    @Test
    void badLinesAndCellsAreRejectedAndTheRestRead() throws IOException {
        byte[] excerpt = Files.readAllBytes(EXCERPT);
        String text = new String(excerpt, StandardCharsets.UTF_8);
        int line3 = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
        byte[] invalid = "A,THS,SAL,F,RO11\t\u00ff1 \n".getBytes(StandardCharsets.UTF_8);
        invalid[17] = (byte) 0xFF;
        invalid[18] = (byte) '1';
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) '9');
        huge[huge.length - 1] = '\n';
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write(excerpt, 0, line3);
        input.write(invalid);
        input.write(huge);
        input.write("A,THS,SAL,F\t1 \n".getBytes(StandardCharsets.UTF_8));
        input.write(("A,THS,SAL,F,RO12" + "\t1x ".repeat(28) + "\n").getBytes(StandardCharsets.UTF_8));
        input.write(("A,THS,SAL,F,RO12" + "\t1 ?".repeat(28) + "\n").getBytes(StandardCharsets.UTF_8));
        input.write(("Q,THS,SAL,F,RO12" + "\t1 ".repeat(28) + "\n").getBytes(StandardCharsets.UTF_8));
        input.write(excerpt, line3, excerpt.length - line3);

        List<Item> items = read(DatasetSpec.parse("nama_10r_3empers"), input.toByteArray());

        assertThat(stats(items)).hasSize(20 * 28);
        List<Item.Rejected> rejected = items.stream().filter(Item.Rejected.class::isInstance).map(Item.Rejected.class::cast).toList();
        assertThat(rejected).extracting(Item.Rejected::position).startsWith("line 3", "line 4", "line 5", "line 6, 1995");
        assertThat(rejected.get(0).reason()).contains("not valid UTF-8");
        assertThat(rejected.get(1).reason()).contains("longer than 65536 bytes");
        assertThat(rejected.get(2).reason()).isEqualTo("2 columns, the header has 29");
        assertThat(rejected.get(3).reason()).isEqualTo("1995: not a number: '1x'");
        assertThat(rejected).filteredOn(r -> r.position().startsWith("line 7, ")).hasSize(28)
                .allSatisfy(r -> assertThat(r.reason()).contains("not a Eurostat flag: '?'"));
        assertThat(rejected).filteredOn(r -> r.position().equals("line 8")).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("frequency Q: only annual series are read"));
        assertThat(rejected).hasSize(3 + 28 + 28 + 1);
    }

    @Test
    void aDocumentThatIsNotEurostatTsvFailsAsAWhole() {
        assertThatThrownBy(() -> read(DatasetSpec.parse("x_1"), "a\tb\n1\t2\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("TIME_PERIOD");
        assertThatThrownBy(() -> read(DatasetSpec.parse("x_1"), "unit,geo\\time\t2021Q1 \n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("no annual period");
        assertThatThrownBy(() -> read(DatasetSpec.parse("x_1"), new byte[0])).isInstanceOf(IOException.class);
    }

    private static List<Item> read(DatasetSpec spec, byte[] content) throws IOException {
        return Reading.read(new EurostatTsvReader(spec), content, "nama_10r_3empers.tsv");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = EurostatTsvReaderTest.class.getResourceAsStream("/" + name)) {
            return in.readAllBytes();
        }
    }

    private static List<RegionStat> stats(List<Item> items) {
        return Reading.records(items, RegionStat.class);
    }

    private static RegionStat stat(List<RegionStat> stats, String nuts, String nace, int year) {
        return stats.stream().filter(s -> s.nutsCode().equals(nuts) && s.nace().equals(nace) && s.year() == year)
                .findFirst().orElseThrow();
    }

    private static Integer[] range(int from, int to) {
        Integer[] years = new Integer[to - from + 1];
        for (int y = from; y <= to; y++) {
            years[y - from] = y;
        }
        return years;
    }
}
