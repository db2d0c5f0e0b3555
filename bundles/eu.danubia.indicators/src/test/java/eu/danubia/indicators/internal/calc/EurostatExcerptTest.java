package eu.danubia.indicators.internal.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import eu.danubia.api.ingest.RegionStat;

/**
 * The indicators on the real Eurostat excerpt (employment by NUTS region and NACE section, thousands),
 * read the way the Eurostat connector stores it: dataset {@code nama_10r_3empers.wstatus.EMP} or
 * {@code .SAL}, section codes such as {@code B-E}, unit {@code THS}, {@code :} a null value, flags kept.
 */
class EurostatExcerptTest {

    static final Path EXCERPT = Path.of("/work/shared/data/eurostat/nama_10r_3empers-excerpt.tsv");

    /** The connector's reading, reduced to this file's layout: freq,unit,wstatus,nace_r2,geo. */
    static List<RegionStat> read() throws IOException {
        List<String> lines = Files.readAllLines(EXCERPT, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split("\t");
        List<RegionStat> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t");
            String[] key = cells[0].split(",");
            for (int c = 1; c < cells.length; c++) {
                String cell = cells[c].strip();
                int space = cell.indexOf(' ');
                String value = space < 0 ? cell : cell.substring(0, space);
                String flag = space < 0 ? "" : cell.substring(space + 1).strip();
                out.add(new RegionStat("nama_10r_3empers.wstatus." + key[2], key[4], key[3], key[1],
                        Integer.parseInt(header[c].strip()), ":".equals(value) ? null : new BigDecimal(value), flag));
            }
        }
        return out;
    }

    private static TreeMap<Integer, BigDecimal> series(List<RegionStat> stats, String dataset, String region, String nace) {
        TreeMap<Integer, BigDecimal> s = new TreeMap<>();
        stats.stream().filter(r -> r.dataset().equals(dataset) && r.nutsCode().equals(region) && r.nace().equals(nace))
                .forEach(r -> s.put(r.year(), r.value()));
        return s;
    }

    @Test
    void employmentGrowthAndCagrOfConstructionInBihor() throws IOException {
        List<RegionStat> stats = read();
        TreeMap<Integer, BigDecimal> ro411 = series(stats, "nama_10r_3empers.wstatus.EMP", "RO411", "F");
        // 2020: 13.74, 2021: 14.04, 2022 ':' (missing, kept as null)
        assertThat(ro411.get(2020)).isEqualByComparingTo("13.74");
        assertThat(ro411.get(2021)).isEqualByComparingTo("14.04");
        assertThat(ro411).containsKey(2022);
        assertThat(ro411.get(2022)).isNull();
        // flags are kept: DE234 employees in construction, 2020 "3.16 p" (provisional)
        assertThat(stats).filteredOn(r -> r.nutsCode().equals("DE234") && r.year() == 2020)
                .singleElement().satisfies(r -> {
                    assertThat(r.dataset()).isEqualTo("nama_10r_3empers.wstatus.SAL");
                    assertThat(r.value()).isEqualByComparingTo("3.16");
                    assertThat(r.flag()).isEqualTo("p");
                });

        // 14.04 / 13.74 - 1 = 0.021834
        assertThat(Calc.growth(ro411.get(2020), ro411.get(2021)).doubleValue()).isCloseTo(0.021834, within(1e-6));
        // the latest year with a value is 2021 (2022 is missing); 2018: 11.68.
        // (14.04 / 11.68)^(1/3) - 1 = 1.202055^(1/3) - 1 = 0.063265
        assertThat(Calc.cagr(ro411, 3).doubleValue()).isCloseTo(0.063265, within(1e-6));
        // the first values are missing: no growth into 2000
        assertThat(Calc.growth(ro411.get(1999), ro411.get(2000))).isNull();
    }

    @Test
    void lqIsNotComputableWhereTheExcerptLacksTheTotals() throws IOException {
        // the excerpt has no TOTAL rows: every region's total employment is missing, so no LQ is invented
        List<RegionStat> stats = read();
        assertThat(stats).noneMatch(r -> r.nace().equals("TOTAL"));
        List<ClusterRating.Cell> cells = stats.stream()
                .filter(r -> r.year() == 2021 && r.dataset().endsWith(".EMP") && r.value() != null)
                .map(r -> new ClusterRating.Cell(r.nutsCode(), r.nace(), r.value(), null)).toList();
        assertThat(cells).extracting(ClusterRating.Cell::region).contains("RO411", "CZ053");
        List<ClusterRating.Rated> rated = ClusterRating.rate(cells, ClusterRating.Thresholds.DEFAULTS);
        assertThat(rated).allSatisfy(r -> {
            assertThat(r.lq()).isNull();
            assertThat(r.lqReason()).isEqualTo("no total employment of the region");
            assertThat(r.specialisation()).isFalse();
            assertThat(r.strong()).isFalse();
        });
        // size still rates within each sector: RO411 is the only region with construction (F) in 2021
        assertThat(rated).filteredOn(r -> r.cell().region().equals("RO411")).singleElement()
                .extracting(ClusterRating.Rated::size).isEqualTo(true);
    }
}
