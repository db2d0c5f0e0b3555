package eu.danubia.indicators.internal.calc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

import eu.danubia.api.SizeClass;

/**
 * Company and cluster arithmetic. A figure that cannot be computed (a missing input, a zero
 * denominator) is {@code null}, never 0: a dashboard must show "no data", not a fall to zero.
 * Growth rates and shares are fractions (0.12 = +12 %).
 */
public final class Calc {

    /** Enough digits for money in EUR and for fractions; results are rounded when shown. */
    public static final MathContext MC = MathContext.DECIMAL64;

    private Calc() {
    }

    /** Year-on-year growth {@code current / previous - 1}; null when either is missing or previous is not positive. */
    public static BigDecimal growth(BigDecimal previous, BigDecimal current) {
        if (previous == null || current == null || previous.signum() <= 0) {
            return null;
        }
        return current.divide(previous, MC).subtract(BigDecimal.ONE);
    }

    /** {@link #growth(BigDecimal, BigDecimal)} for head counts. */
    public static BigDecimal growth(Integer previous, Integer current) {
        return previous == null || current == null ? null : growth(BigDecimal.valueOf(previous), BigDecimal.valueOf(current));
    }

    /**
     * Compound annual growth rate over {@code years} years: {@code (last / first)^(1/years) - 1}.
     * Null when either value is missing or not positive (a root of a negative ratio has no meaning).
     */
    public static BigDecimal cagr(BigDecimal first, BigDecimal last, int years) {
        if (first == null || last == null || years <= 0 || first.signum() <= 0 || last.signum() <= 0) {
            return null;
        }
        double ratio = last.divide(first, MC).doubleValue();
        return new BigDecimal(Math.pow(ratio, 1.0 / years) - 1.0, MC);
    }

    /**
     * The n-year CAGR ending at the latest year of the series that has a value, when the value
     * n years earlier is there as well; null otherwise.
     */
    public static BigDecimal cagr(SortedMap<Integer, BigDecimal> byYear, int years) {
        for (Integer last : reversed(byYear)) {
            BigDecimal end = byYear.get(last);
            if (end != null) {
                return cagr(byYear.get(last - years), end, years);
            }
        }
        return null;
    }

    private static List<Integer> reversed(SortedMap<Integer, ?> map) {
        List<Integer> keys = new ArrayList<>(map.keySet());
        java.util.Collections.reverse(keys);
        return keys;
    }

    /** {@code numerator / denominator}; null when either is missing or the denominator is zero. */
    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, MC);
    }

    /**
     * Labour productivity as the data allow: turnover per employee in EUR (the registers give no
     * value added, so this is an apparent productivity, not GVA per person). Null without employees.
     */
    public static BigDecimal productivity(BigDecimal turnoverEur, Integer employees) {
        return employees == null || employees <= 0 ? null : ratio(turnoverEur, BigDecimal.valueOf(employees));
    }

    /** Profit margin: profit or loss / turnover. */
    public static BigDecimal profitMargin(BigDecimal profit, BigDecimal turnover) {
        return turnover == null || turnover.signum() <= 0 ? null : ratio(profit, turnover);
    }

    /** Export share: exports / turnover, where the source reports exports. */
    public static BigDecimal exportShare(BigDecimal exports, BigDecimal turnover) {
        return turnover == null || turnover.signum() <= 0 ? null : ratio(exports, turnover);
    }

    /** EU SME size class by head count (Recommendation 2003/361/EC): micro &lt;10, small &lt;50, medium &lt;250, large. */
    public static SizeClass sizeClass(Integer employees) {
        return employees == null ? null : SizeClass.ofEmployees(employees);
    }

    /** A change of size class from one reported year to the next one with a head count. */
    public record Transition(int year, SizeClass from, SizeClass to) {
    }

    /** The size-class changes of a head-count series, in year order; years without a head count are skipped. */
    public static List<Transition> transitions(SortedMap<Integer, Integer> employeesByYear) {
        List<Transition> out = new ArrayList<>();
        SizeClass previous = null;
        for (Map.Entry<Integer, Integer> e : employeesByYear.entrySet()) {
            SizeClass now = sizeClass(e.getValue());
            if (now == null) {
                continue;
            }
            if (previous != null && previous != now) {
                out.add(new Transition(e.getKey(), previous, now));
            }
            previous = now;
        }
        return out;
    }

    /** The median of the non-null values (mean of the middle two for an even count); null when there are none. */
    public static BigDecimal median(Collection<BigDecimal> values) {
        List<BigDecimal> v = values.stream().filter(Objects::nonNull).sorted().toList();
        if (v.isEmpty()) {
            return null;
        }
        int mid = v.size() / 2;
        return v.size() % 2 == 1 ? v.get(mid) : v.get(mid - 1).add(v.get(mid)).divide(BigDecimal.valueOf(2), MC);
    }

    /**
     * Location quotient {@code LQ_ir = (E_ir / E_r) / (E_i / E)}: the sector's share of the region's
     * employment against its share of the reference area's. Null with a reason when an input is
     * missing or a denominator is zero, never guessed.
     */
    public static Computed lq(BigDecimal regionSector, BigDecimal region, BigDecimal sector, BigDecimal total) {
        return lqOfShare(regionSector, region, sectorShare(sector, total));
    }

    /** The sector's share of the reference area's employment {@code E_i / E}, or null without both totals. */
    public static BigDecimal sectorShare(BigDecimal sector, BigDecimal total) {
        return sector == null || sector.signum() == 0 || total == null || total.signum() == 0 ? null
                : sector.divide(total, MC);
    }

    /** {@link #lq} with the sector's share already divided (a rating divides it once per sector). */
    public static Computed lqOfShare(BigDecimal regionSector, BigDecimal region, BigDecimal sectorShare) {
        if (regionSector == null) {
            return Computed.missing("no employment of the sector in the region");
        }
        if (region == null || region.signum() == 0) {
            return Computed.missing("no total employment of the region");
        }
        if (sectorShare == null) {
            return Computed.missing("no employment totals of the reference area");
        }
        return Computed.of(regionSector.divide(region, MC).divide(sectorShare, MC));
    }

    /** A value, or why there is none. */
    public record Computed(BigDecimal value, String reason) {

        public static Computed of(BigDecimal value) {
            return new Computed(value, null);
        }

        public static Computed missing(String reason) {
            return new Computed(null, reason);
        }
    }
}
