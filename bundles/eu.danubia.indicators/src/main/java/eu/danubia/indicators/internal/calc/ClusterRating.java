package eu.danubia.indicators.internal.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rates every region x sector cell of one year, from employment only.
 *
 * <p>Stars, the European Cluster Observatory method (Ketels and Sölvell 2006, "Innovation
 * clusters in the 10 new member states of the European Union"; ECO star rating 2007-2011): one
 * star each for
 * <ul>
 * <li>SIZE: the cell's employment is in the top {@code sizeTopShare} (10 %) of all regions for that sector;</li>
 * <li>SPECIALISATION: LQ &ge; {@code specialisationLq} (2);</li>
 * <li>FOCUS: the sector's share of the region's employment is in the top {@code focusTopShare} (10 %) of all cells.</li>
 * </ul>
 * Strong cluster, the US Cluster Mapping method (Delgado, Porter and Stern): the cell is in the top
 * {@code strongTopShare} (25 %) of regions by LQ for its sector, and LQ &gt; 1.
 *
 * <p>"Top x %" of n values: the cell ranks among the first {@code ceil(x * n)} in descending order
 * (ties share the better rank), so one of ten regions is top 10 % and the only region of a sector is too.
 */
public final class ClusterRating {

    /** The thresholds; {@link #DEFAULTS} are the published ones. */
    public record Thresholds(double sizeTopShare, double specialisationLq, double focusTopShare, double strongTopShare) {
        public static final Thresholds DEFAULTS = new Thresholds(0.10, 2.0, 0.10, 0.25);
    }

    /** One cell's employment; {@code regionTotal} is the region's employment in all sectors. */
    public record Cell(String region, String sector, BigDecimal employees, BigDecimal regionTotal) {
    }

    /** The rating of a cell; {@code lq} null with {@code lqReason} when it cannot be computed. */
    public record Rated(Cell cell, BigDecimal lq, String lqReason, BigDecimal focusShare, boolean size,
            boolean specialisation, boolean focus, boolean strong) {

        public int stars() {
            return (size ? 1 : 0) + (specialisation ? 1 : 0) + (focus ? 1 : 0);
        }
    }

    private ClusterRating() {
    }

    /**
     * Rates the cells against each other. The reference area ("EU") is all regions among the
     * cells: {@code E_i} is the sum of the sector's cells, {@code E} the sum of the distinct regions' totals.
     */
    public static List<Rated> rate(Collection<Cell> cells, Thresholds t) {
        Map<String, BigDecimal> sectorTotals = new HashMap<>();
        Map<String, BigDecimal> regionTotals = new HashMap<>();
        for (Cell c : cells) {
            if (c.employees() != null) {
                sectorTotals.merge(c.sector(), c.employees(), BigDecimal::add);
            }
            if (c.regionTotal() != null) {
                regionTotals.putIfAbsent(c.region(), c.regionTotal());
            }
        }
        BigDecimal total = regionTotals.isEmpty() ? null
                : regionTotals.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<Cell, Calc.Computed> lqs = new HashMap<>();
        Map<Cell, BigDecimal> focusShares = new HashMap<>();
        Map<String, List<Cell>> bySector = new HashMap<>();
        for (Cell c : cells) {
            lqs.put(c, Calc.lq(c.employees(), c.regionTotal(), sectorTotals.get(c.sector()), total));
            focusShares.put(c, Calc.ratio(c.employees(), c.regionTotal()));
            bySector.computeIfAbsent(c.sector(), k -> new ArrayList<>()).add(c);
        }
        List<BigDecimal> allFocus = focusShares.values().stream().filter(java.util.Objects::nonNull).toList();
        BigDecimal focusCut = cut(allFocus, t.focusTopShare());
        Map<String, BigDecimal> sizeCuts = new HashMap<>();
        Map<String, BigDecimal> strongCuts = new HashMap<>();
        bySector.forEach((sector, list) -> {
            sizeCuts.put(sector, cut(list.stream().map(Cell::employees).filter(java.util.Objects::nonNull).toList(), t.sizeTopShare()));
            strongCuts.put(sector, cut(list.stream().map(c -> lqs.get(c).value()).filter(java.util.Objects::nonNull).toList(),
                    t.strongTopShare()));
        });
        List<Rated> out = new ArrayList<>();
        for (Cell c : cells) {
            Calc.Computed lq = lqs.get(c);
            BigDecimal focusShare = focusShares.get(c);
            boolean size = atLeast(c.employees(), sizeCuts.get(c.sector()));
            boolean specialisation = lq.value() != null && lq.value().doubleValue() >= t.specialisationLq();
            boolean focus = atLeast(focusShare, focusCut);
            boolean strong = lq.value() != null && lq.value().compareTo(BigDecimal.ONE) > 0
                    && atLeast(lq.value(), strongCuts.get(c.sector()));
            out.add(new Rated(c, lq.value(), lq.reason(), focusShare, size, specialisation, focus, strong));
        }
        return out;
    }

    /** The smallest value still in the top share: the {@code ceil(share * n)}-th largest. */
    static BigDecimal cut(List<BigDecimal> values, double share) {
        if (values.isEmpty() || share <= 0) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted(Comparator.reverseOrder()).toList();
        int k = (int) Math.ceil(share * sorted.size() - 1e-9);
        return sorted.get(Math.max(0, Math.min(sorted.size(), k) - 1));
    }

    private static boolean atLeast(BigDecimal value, BigDecimal cut) {
        return value != null && cut != null && value.signum() > 0 && value.compareTo(cut) >= 0;
    }
}
