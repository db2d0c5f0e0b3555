package eu.danubia.indicators.internal.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import eu.danubia.indicators.internal.calc.ClusterRating.Cell;
import eu.danubia.indicators.internal.calc.ClusterRating.Rated;
import eu.danubia.indicators.internal.calc.ClusterRating.Thresholds;

/**
 * Four regions, two sectors, worked by hand:
 * <pre>
 *          A     B    total   share A  share B    LQ A                 LQ B
 *   R1    80    20     100     0.80     0.20     0.8/0.12 = 6.667     0.2/0.88 = 0.227
 *   R2    10    90     100     0.10     0.90     0.833                1.023
 *   R3    10   190     200     0.05     0.95     0.417                1.080
 *   R4    20   580     600     0.033    0.967    0.278                1.098
 *   all  120   880    1000     0.12     0.88
 * </pre>
 * Size, top 10 % of 4 regions = the first ceil(0.4) = 1: R1 in A (80), R4 in B (580).
 * Specialisation, LQ &ge; 2: R1 A only. Focus, top 10 % of 8 cells = the first 1: R4 B (0.967).
 * Strong, top 25 % of 4 by LQ = the first 1, with LQ &gt; 1: R1 A (6.667), R4 B (1.098).
 * Stars: R1 A = size + specialisation = 2; R4 B = size + focus = 2; all others 0.
 */
class ClusterRatingTest {

    private static Cell cell(String region, String sector, int employees, int total) {
        return new Cell(region, sector, BigDecimal.valueOf(employees), BigDecimal.valueOf(total));
    }

    private static final List<Cell> CELLS = List.of(
            cell("R1", "A", 80, 100), cell("R1", "B", 20, 100),
            cell("R2", "A", 10, 100), cell("R2", "B", 90, 100),
            cell("R3", "A", 10, 200), cell("R3", "B", 190, 200),
            cell("R4", "A", 20, 600), cell("R4", "B", 580, 600));

    @Test
    void starsAndStrongClustersByTheHandWorkedTable() {
        Map<String, Rated> r = ClusterRating.rate(CELLS, Thresholds.DEFAULTS).stream()
                .collect(Collectors.toMap(x -> x.cell().region() + x.cell().sector(), Function.identity()));
        assertThat(r.get("R1A").lq().doubleValue()).isCloseTo(6.6667, within(1e-4));
        assertThat(r.get("R4B").lq().doubleValue()).isCloseTo(1.0985, within(1e-4));
        assertThat(r.get("R2B").lq().doubleValue()).isCloseTo(1.0227, within(1e-4));

        assertThat(r.get("R1A")).extracting(Rated::size, Rated::specialisation, Rated::focus, Rated::strong, Rated::stars)
                .containsExactly(true, true, false, true, 2);
        assertThat(r.get("R4B")).extracting(Rated::size, Rated::specialisation, Rated::focus, Rated::strong, Rated::stars)
                .containsExactly(true, false, true, true, 2);
        for (String other : List.of("R1B", "R2A", "R2B", "R3A", "R3B", "R4A")) {
            assertThat(r.get(other).stars()).as(other).isZero();
            assertThat(r.get(other).strong()).as(other).isFalse();
        }
    }

    @Test
    void thresholdsAreConfiguration() {
        // LQ >= 1 counts as specialised, and the top half of the regions by size: R2 (90) and R3 (190) join R4 in B? No:
        // top 50 % of 4 = the first 2: B -> R4 (580), R3 (190); A -> R1 (80), R4 (20).
        Thresholds loose = new Thresholds(0.5, 1.0, 0.10, 0.25);
        Map<String, Rated> r = ClusterRating.rate(CELLS, loose).stream()
                .collect(Collectors.toMap(x -> x.cell().region() + x.cell().sector(), Function.identity()));
        assertThat(r.get("R3B").size()).isTrue();
        assertThat(r.get("R3B").specialisation()).isTrue(); // LQ 1.080
        assertThat(r.get("R3B").stars()).isEqualTo(2);
        assertThat(r.get("R4A").size()).isTrue();
        assertThat(r.get("R2A").size()).isFalse();
    }

    @Test
    void aCellWithoutItsRegionTotalHasNoLqAndSaysWhy() {
        List<Rated> rated = ClusterRating.rate(List.of(new Cell("X1", "A", BigDecimal.TEN, null), cell("R1", "A", 80, 100)),
                Thresholds.DEFAULTS);
        assertThat(rated.get(0).lq()).isNull();
        assertThat(rated.get(0).lqReason()).isEqualTo("no total employment of the region");
        assertThat(rated.get(0).specialisation()).isFalse();
        assertThat(rated.get(0).strong()).isFalse();
    }
}
