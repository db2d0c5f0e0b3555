package eu.danubia.c2c.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which NACE divisions typically supply which, at the level of whole clusters. The idea is the
 * matching engine's value-chain signal (a simplified reading of the EU input-output structure,
 * FIGARO use tables: for each supplying division, the divisions that buy most of its output besides
 * itself); this table is the C2C bundle's own, widened with the chains cluster portfolios of the
 * Danube region are built on (health: 21/26/32/72 → 86; agri-food: 01 → 10/11 → 46/47/56; timber:
 * 02 → 16 → 31; energy: 27/43 ↔ 35; logistics 49/52 for goods-producing divisions).
 */
final class ValueChain {

    private static final Map<String, Set<String>> SUPPLIES = new HashMap<>();

    static {
        supply("01", "10", "11", "12", "13", "46");
        supply("02", "16", "17", "35");
        supply("03", "10");
        supply("10", "46", "47", "56");
        supply("11", "46", "47", "56");
        supply("13", "14", "15", "22", "29", "31");
        supply("16", "31", "41", "43");
        supply("17", "18", "10", "20", "46");
        supply("20", "21", "22", "23", "01", "13", "17", "27");
        supply("21", "46", "47", "86");
        supply("22", "29", "27", "28", "10", "41", "43");
        supply("23", "41", "42", "43");
        supply("24", "25", "27", "28", "29", "30", "41", "42");
        supply("25", "28", "29", "30", "33", "41", "43");
        supply("26", "27", "28", "29", "30", "32", "61", "62", "86");
        supply("27", "28", "29", "30", "35", "41", "43");
        supply("28", "10", "20", "22", "24", "25", "29", "30", "33");
        supply("29", "45", "49");
        supply("30", "49", "50", "51");
        supply("32", "86", "87", "47");
        supply("33", "24", "28", "29", "30", "35");
        supply("35", "10", "20", "23", "24", "36");
        supply("38", "20", "22", "24", "35");
        supply("43", "35", "41");
        supply("46", "47", "56");
        supply("49", "10", "11", "20", "29", "46", "47");
        supply("52", "10", "11", "46", "47", "49", "50", "51");
        supply("58", "62", "85");
        supply("62", "10", "20", "26", "28", "29", "35", "46", "47", "49", "52", "64", "65", "84", "85", "86");
        supply("63", "62", "64", "73", "86");
        supply("71", "24", "25", "28", "29", "30", "35", "41", "42");
        supply("72", "20", "21", "26", "27", "28", "29", "30", "32", "86");
        supply("73", "10", "11", "47", "55");
        supply("74", "14", "31", "32", "58");
        supply("77", "41", "42", "43", "49");
        supply("85", "62", "72", "86");
    }

    private ValueChain() {
    }

    private static void supply(String supplier, String... customers) {
        SUPPLIES.put(supplier, Set.of(customers));
    }

    /**
     * Every supplier → customer pair from the first cluster's divisions to the second's, as "62 → 86",
     * sorted. Only complements count: the supplying division is one the customer cluster does not
     * have, and the buying division one the supplier cluster does not have (two software clusters
     * that both also do data services are peers, not links of one chain).
     */
    static List<String> relations(Collection<String> suppliers, Collection<String> customers) {
        Set<String> out = new TreeSet<>();
        for (String s : suppliers) {
            Set<String> buyers = SUPPLIES.get(s);
            if (buyers == null || customers.contains(s)) {
                continue;
            }
            for (String c : customers) {
                if (!suppliers.contains(c) && buyers.contains(c)) {
                    out.add(s + " → " + c);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The NACE division of a code ("62.01" → "62"), or null for a section letter. */
    static String division(String code) {
        if (code == null || code.length() < 2 || !Character.isDigit(code.charAt(0))) {
            return null;
        }
        return code.substring(0, 2);
    }
}
