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
     *
     * <p>The values (LQ, focus share) are the {@link Calc} ones to the digit; the rankings sort
     * primitive doubles and fall back to the exact decimals only where two doubles tie, so a
     * year's 134,000 cells rate in tens of milliseconds.
     */
    public static List<Rated> rate(Collection<Cell> cells, Thresholds t) {
        Cell[] cs = cells.toArray(new Cell[0]);
        int n = cs.length;
        Map<String, Integer> sectorIndex = new HashMap<>();
        int[] sec = new int[n];
        Map<String, BigDecimal> regionTotals = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Integer s = sectorIndex.get(cs[i].sector());
            if (s == null) {
                s = sectorIndex.size();
                sectorIndex.put(cs[i].sector(), s);
            }
            sec[i] = s;
            if (cs[i].regionTotal() != null) {
                regionTotals.putIfAbsent(cs[i].region(), cs[i].regionTotal());
            }
        }
        int m = sectorIndex.size();
        BigDecimal[] sectorTotals = new BigDecimal[m];
        int[] sectorSize = new int[m];
        for (int i = 0; i < n; i++) {
            sectorSize[sec[i]]++;
            BigDecimal e = cs[i].employees();
            if (e != null) {
                sectorTotals[sec[i]] = sectorTotals[sec[i]] == null ? e : sectorTotals[sec[i]].add(e);
            }
        }
        BigDecimal total = null;
        for (BigDecimal r : regionTotals.values()) {
            total = total == null ? r : total.add(r);
        }
        // E_i / E once per sector
        BigDecimal[] sectorShares = new BigDecimal[m];
        for (int s = 0; s < m; s++) {
            sectorShares[s] = Calc.sectorShare(sectorTotals[s], total);
        }
        BigDecimal[] lq = new BigDecimal[n];
        String[] reason = new String[n];
        BigDecimal[] focus = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            BigDecimal e = cs[i].employees();
            BigDecimal r = cs[i].regionTotal();
            focus[i] = Calc.ratio(e, r);
            Calc.Computed q = Calc.lqOfShare(e, r, sectorShares[sec[i]]);
            lq[i] = q.value();
            reason[i] = q.reason();
        }
        double[] lqD = doubles(lq);
        double[] focusD = doubles(focus);
        BigDecimal[] employees = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            employees[i] = cs[i].employees();
        }
        double[] employeesD = doubles(employees);

        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        BigDecimal focusCut = cut(focus, focusD, all, n, t.focusTopShare());
        // the cells of each sector, by a counting sort on the sector index
        int[] start = new int[m + 1];
        for (int s = 0; s < m; s++) {
            start[s + 1] = start[s] + sectorSize[s];
        }
        int[] fill = start.clone();
        int[] bySector = new int[n];
        for (int i = 0; i < n; i++) {
            bySector[fill[sec[i]]++] = i;
        }
        BigDecimal[] sizeCuts = new BigDecimal[m];
        BigDecimal[] strongCuts = new BigDecimal[m];
        for (int s = 0; s < m; s++) {
            int[] members = java.util.Arrays.copyOfRange(bySector, start[s], start[s + 1]);
            sizeCuts[s] = cut(employees, employeesD, members, members.length, t.sizeTopShare());
            strongCuts[s] = cut(lq, lqD, members, members.length, t.strongTopShare());
        }
        double[] sizeCutD = doubles(sizeCuts);
        double[] strongCutD = doubles(strongCuts);
        double focusCutD = focusCut == null ? 0 : focusCut.doubleValue();
        List<Rated> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int s = sec[i];
            boolean size = atLeast(employees[i], employeesD[i], sizeCuts[s], sizeCutD[s]);
            boolean specialisation = lq[i] != null && lqD[i] >= t.specialisationLq();
            boolean focusStar = atLeast(focus[i], focusD[i], focusCut, focusCutD);
            boolean strong = lq[i] != null && lq[i].compareTo(BigDecimal.ONE) > 0 && atLeast(lq[i], lqD[i], strongCuts[s], strongCutD[s]);
            out.add(new Rated(cs[i], lq[i], reason[i], focus[i], size, specialisation, focusStar, strong));
        }
        return out;
    }

    private static double[] doubles(BigDecimal[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? Double.NaN : values[i].doubleValue();
        }
        return out;
    }

    /**
     * The {@code ceil(share * n)}-th largest of the non-null {@code values[idx[0..len)]}, exactly:
     * the doubles are sorted, and where the k-th double ties with others the decimals decide
     * (doubleValue is monotonic, so a larger double always means a larger decimal).
     */
    private static BigDecimal cut(BigDecimal[] values, double[] d, int[] idx, int len, double share) {
        double[] sorted = new double[len];
        int count = 0;
        for (int j = 0; j < len; j++) {
            if (values[idx[j]] != null) {
                sorted[count++] = d[idx[j]];
            }
        }
        if (count == 0 || share <= 0) {
            return null;
        }
        java.util.Arrays.sort(sorted, 0, count);
        int k = Math.max(1, Math.min(count, (int) Math.ceil(share * count - 1e-9)));
        double kth = sorted[count - k];
        int above = 0;
        List<BigDecimal> tied = new ArrayList<>();
        for (int j = 0; j < len; j++) {
            BigDecimal v = values[idx[j]];
            if (v != null) {
                if (d[idx[j]] > kth) {
                    above++;
                } else if (d[idx[j]] == kth) {
                    tied.add(v);
                }
            }
        }
        tied.sort(Comparator.reverseOrder());
        return tied.get(k - 1 - above);
    }

    private static boolean atLeast(BigDecimal value, double valueD, BigDecimal cut, double cutD) {
        if (value == null || cut == null || value.signum() <= 0) {
            return false;
        }
        return valueD > cutD || valueD == cutD && value.compareTo(cut) >= 0;
    }
}
