package eu.danubia.indicators.internal.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import eu.danubia.api.SizeClass;

/** The arithmetic on numbers worked out by hand in the comments. */
class CalcTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void growthIsCurrentOverPreviousMinusOne() {
        // 1 120 000 / 1 000 000 - 1 = 0.12
        assertThat(Calc.growth(d("1000000"), d("1120000"))).isEqualByComparingTo("0.12");
        // 45 / 50 - 1 = -0.10
        assertThat(Calc.growth(50, 45)).isEqualByComparingTo("-0.1");
        assertThat(Calc.growth(null, d("1"))).isNull();
        assertThat(Calc.growth(d("0"), d("1"))).as("growth from zero is undefined").isNull();
    }

    @Test
    void cagrIsTheAnnualRateThatCompoundsToTheTotalChange() {
        // 1000 -> 1331 in 3 years: 1.331^(1/3) = 1.1, so 10 % a year
        assertThat(Calc.cagr(d("1000"), d("1331"), 3).doubleValue()).isCloseTo(0.10, within(1e-12));
        assertThat(Calc.cagr(d("-5"), d("1331"), 3)).isNull();
        // the latest year with a value (2023) and three years before it (2020): 800 -> 1000
        // 1.25^(1/3) = 1.077217, so 7.7217 %
        TreeMap<Integer, BigDecimal> series = new TreeMap<>();
        series.put(2020, d("800"));
        series.put(2021, d("900"));
        series.put(2022, null);
        series.put(2023, d("1000"));
        series.put(2024, null);
        assertThat(Calc.cagr(series, 3).doubleValue()).isCloseTo(0.077217, within(1e-6));
        series.remove(2020);
        assertThat(Calc.cagr(series, 3)).as("no value three years before the latest").isNull();
    }

    @Test
    void ratios() {
        // 2 500 000 EUR / 20 employees = 125 000 EUR per employee
        assertThat(Calc.productivity(d("2500000"), 20)).isEqualByComparingTo("125000");
        assertThat(Calc.productivity(d("2500000"), 0)).isNull();
        assertThat(Calc.productivity(d("2500000"), null)).isNull();
        // 150 000 / 2 500 000 = 0.06; a loss gives a negative margin
        assertThat(Calc.profitMargin(d("150000"), d("2500000"))).isEqualByComparingTo("0.06");
        assertThat(Calc.profitMargin(d("-50000"), d("2500000"))).isEqualByComparingTo("-0.02");
        // 1 000 000 / 2 500 000 = 0.4; without reported exports there is no share
        assertThat(Calc.exportShare(d("1000000"), d("2500000"))).isEqualByComparingTo("0.4");
        assertThat(Calc.exportShare(null, d("2500000"))).isNull();
    }

    @Test
    void sizeClassesAndTransitionsFollowTheEuHeadCountLimits() {
        assertThat(Calc.sizeClass(9)).isEqualTo(SizeClass.MICRO);
        assertThat(Calc.sizeClass(10)).isEqualTo(SizeClass.SMALL);
        assertThat(Calc.sizeClass(49)).isEqualTo(SizeClass.SMALL);
        assertThat(Calc.sizeClass(50)).isEqualTo(SizeClass.MEDIUM);
        assertThat(Calc.sizeClass(250)).isEqualTo(SizeClass.LARGE);
        TreeMap<Integer, Integer> heads = new TreeMap<>();
        heads.put(2019, 8);
        heads.put(2020, 9);
        heads.put(2021, 12); // micro -> small
        heads.put(2022, null); // not reported: skipped
        heads.put(2023, 55); // small -> medium
        heads.put(2024, 48); // medium -> small
        assertThat(Calc.transitions(heads)).containsExactly(
                new Calc.Transition(2021, SizeClass.MICRO, SizeClass.SMALL),
                new Calc.Transition(2023, SizeClass.SMALL, SizeClass.MEDIUM),
                new Calc.Transition(2024, SizeClass.MEDIUM, SizeClass.SMALL));
    }

    @Test
    void medianIgnoresMissingValues() {
        assertThat(Calc.median(Arrays.asList(d("3"), null, d("1"), d("2")))).isEqualByComparingTo("2");
        // even count: (2 + 3) / 2
        assertThat(Calc.median(List.of(d("4"), d("1"), d("3"), d("2")))).isEqualByComparingTo("2.5");
        assertThat(Calc.median(List.of())).isNull();
    }

    @Test
    void locationQuotient() {
        // region: 80 of 100 in the sector; reference: 120 of 1000. (80/100) / (120/1000) = 0.8 / 0.12 = 6.6667
        assertThat(Calc.lq(d("80"), d("100"), d("120"), d("1000")).value().doubleValue()).isCloseTo(6.6667, within(1e-4));
        Calc.Computed missing = Calc.lq(d("80"), null, d("120"), d("1000"));
        assertThat(missing.value()).isNull();
        assertThat(missing.reason()).isEqualTo("no total employment of the region");
    }
}
