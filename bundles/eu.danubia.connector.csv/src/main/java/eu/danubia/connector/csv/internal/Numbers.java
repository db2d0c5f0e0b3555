package eu.danubia.connector.csv.internal;

import java.math.BigDecimal;

/**
 * Amounts as national exports write them: {@code 1 234 567,89} (HU), {@code 1.234.567,89} (AT,
 * DE), {@code 1,234,567.89}. The decimal separator is configured; the other of {@code .} and
 * {@code ,}, spaces and apostrophes group thousands. Groups must have three digits, so a decimal
 * comma read with a decimal-point configuration ({@code 1,5}) is an error, not fifteen.
 */
final class Numbers {

    private Numbers() {
    }

    static BigDecimal decimal(String raw, char decimalSeparator) {
        String s = raw.strip().replace('\u2212', '-');
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1).strip();
        }
        if (s.startsWith("-")) {
            negative = !negative;
            s = s.substring(1).strip();
        } else if (s.startsWith("+")) {
            s = s.substring(1).strip();
        }
        char grouping = decimalSeparator == ',' ? '.' : ',';
        int point = s.indexOf(decimalSeparator);
        if (point != s.lastIndexOf(decimalSeparator)) {
            throw new NumberFormatException("more than one decimal separator");
        }
        String integer = point < 0 ? s : s.substring(0, point);
        String fraction = point < 0 ? "" : s.substring(point + 1);
        StringBuilder digits = new StringBuilder(s.length());
        int group = -1;
        for (int i = 0; i < integer.length(); i++) {
            char c = integer.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                if (group >= 0) {
                    group++;
                }
            } else if (c == grouping || c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\'') {
                if (digits.isEmpty() || group >= 0 && group != 3) {
                    throw new NumberFormatException("thousands not grouped by three");
                }
                group = 0;
            } else {
                throw new NumberFormatException("unexpected '" + c + "'");
            }
        }
        if (group >= 0 && group != 3) {
            throw new NumberFormatException("thousands not grouped by three");
        }
        for (int i = 0; i < fraction.length(); i++) {
            if (fraction.charAt(i) < '0' || fraction.charAt(i) > '9') {
                throw new NumberFormatException("unexpected '" + fraction.charAt(i) + "'");
            }
        }
        if (digits.isEmpty() && fraction.isEmpty()) {
            throw new NumberFormatException("no digits");
        }
        BigDecimal value = new BigDecimal((digits.isEmpty() ? "0" : digits) + (fraction.isEmpty() ? "" : "." + fraction));
        return negative ? value.negate() : value;
    }

    static Integer whole(String raw, char decimalSeparator) {
        BigDecimal value = decimal(raw, decimalSeparator);
        try {
            return value.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            throw new NumberFormatException("not a whole number");
        }
    }
}
