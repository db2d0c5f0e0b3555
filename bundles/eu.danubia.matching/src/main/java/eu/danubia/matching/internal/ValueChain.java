package eu.danubia.matching.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which NACE divisions typically supply which: a supplier offering to a customer that asks is a
 * complementary value-chain position, worth more than two firms doing the same thing. The table is a
 * simplified reading of the EU input-output structure (FIGARO use tables): for each supplying
 * division, the divisions that buy most of its output besides itself.
 */
final class ValueChain {

    private static final Map<String, Set<String>> SUPPLIES = new HashMap<>();

    static {
        supply("01", "10", "11", "12", "13");
        supply("02", "16", "17", "35");
        supply("03", "10");
        supply("05", "19", "24", "35");
        supply("06", "19", "20", "35");
        supply("07", "24");
        supply("08", "20", "23", "41", "42");
        supply("10", "46", "47", "56");
        supply("13", "14", "15", "22", "29", "31");
        supply("16", "31", "41", "43");
        supply("17", "18", "10", "20", "46");
        supply("19", "20", "35", "49", "50", "51");
        supply("20", "21", "22", "23", "01", "13", "17", "27");
        supply("22", "29", "27", "28", "10", "41", "43");
        supply("23", "41", "42", "43");
        supply("24", "25", "27", "28", "29", "30", "41", "42");
        supply("25", "28", "29", "30", "33", "41", "43");
        supply("26", "27", "28", "29", "30", "32", "61", "62");
        supply("27", "28", "29", "30", "35", "41", "43");
        supply("28", "10", "20", "22", "24", "25", "29", "30", "33");
        supply("29", "45", "49");
        supply("30", "49", "50", "51");
        supply("33", "24", "28", "29", "30", "35");
        supply("35", "10", "20", "23", "24", "36");
        supply("38", "20", "22", "24", "35");
        supply("49", "10", "20", "29", "46", "47");
        supply("52", "46", "47", "49", "50", "51");
        supply("58", "62", "85");
        supply("62", "10", "20", "26", "28", "29", "46", "47", "64", "65", "84", "85", "86");
        supply("63", "62", "64", "73");
        supply("71", "24", "25", "28", "29", "30", "35", "41", "42");
        supply("72", "20", "21", "26", "27", "28", "29", "30", "86");
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
     * The first supplier → customer relation from the offering side's codes to the asking side's, as
     * "25 → 29", or null. Codes may be classes ("25.62") or divisions ("25").
     */
    static String relation(List<String> offeringNace, List<String> askingNace) {
        for (String o : offeringNace) {
            Set<String> customers = SUPPLIES.get(division(o));
            if (customers == null) {
                continue;
            }
            for (String a : askingNace) {
                if (customers.contains(division(a))) {
                    return division(o) + " → " + division(a);
                }
            }
        }
        return null;
    }

    static String division(String code) {
        return code.length() >= 2 ? code.substring(0, 2) : code;
    }
}
