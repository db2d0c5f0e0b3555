package eu.danubia.demo.internal;

import eu.danubia.api.NationalId;

/** Check-digit rules of the national registers, to keep the invented demo ids well-formed. */
final class NationalIds {

    private NationalIds() {
    }

    static boolean valid(NationalId id) {
        String v = id.value();
        return switch (id.scheme()) {
            case "CZ-ICO", "SK-ICO" -> v.matches("\\d{8}") && ico(v);
            case "RO-CUI" -> v.matches("[1-9]\\d{1,9}") && cui(v);
            case "HU-ADOSZAM" -> v.matches("\\d{8}-[1-5]-\\d{2}") && adoszam(v);
            case "UA-EDRPOU" -> v.matches("\\d{8}") && edrpou(v);
            default -> false;
        };
    }

    /** Czech and Slovak IČO: weights 8..2, check = (11 - sum mod 11) mod 10. */
    private static boolean ico(String v) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += digit(v, i) * (8 - i);
        }
        int r = sum % 11;
        int check = r == 0 ? 1 : r == 1 ? 0 : 11 - r;
        return check == digit(v, 7);
    }

    /** Romanian CUI: key 753217532 aligned to the right of the number without its check digit. */
    private static boolean cui(String v) {
        String key = "753217532";
        String body = v.substring(0, v.length() - 1);
        String padded = "0".repeat(9 - body.length()) + body;
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += digit(padded, i) * digit(key, i);
        }
        int check = sum * 10 % 11;
        return (check == 10 ? 0 : check) == digit(v, v.length() - 1);
    }

    /** Hungarian adószám: the 8th digit of the törzsszám checks the first seven with weights 9,7,3,1. */
    private static boolean adoszam(String v) {
        int[] weights = {9, 7, 3, 1, 9, 7, 3};
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += digit(v, i) * weights[i];
        }
        return (10 - sum % 10) % 10 == digit(v, 7);
    }

    /** Ukrainian EDRPOU: weights 1..7 (7,1..6 for codes between 30000000 and 60000000), +2 when the remainder is 10. */
    private static boolean edrpou(String v) {
        long n = Long.parseLong(v);
        int[] weights = n < 30_000_000L || n > 60_000_000L ? new int[] {1, 2, 3, 4, 5, 6, 7} : new int[] {7, 1, 2, 3, 4, 5, 6};
        int check = weighted(v, weights, 0) % 11;
        if (check == 10) {
            check = weighted(v, weights, 2) % 11;
            if (check == 10) {
                check = 0;
            }
        }
        return check == digit(v, 7);
    }

    private static int weighted(String v, int[] weights, int add) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += digit(v, i) * (weights[i] + add);
        }
        return sum;
    }

    private static int digit(String v, int i) {
        return v.charAt(i) - '0';
    }
}
