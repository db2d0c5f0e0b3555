package eu.danubia.c2b.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import eu.danubia.api.Validator;

/** Parsing of the text fields of request bodies; every problem goes to the validator. */
final class Inputs {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 10_000;
    static final int MESSAGE_MAX = 4_000;
    static final int COUNTRIES_MAX = 50;
    static final int LANGUAGES_MAX = 20;
    static final BigDecimal AMOUNT_MAX = new BigDecimal("9999999999.99");

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Inputs() {
    }

    static BigDecimal amount(Validator v, String field, String value) {
        String s = Validator.text(value);
        if (s == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(s);
            v.that(d.signum() >= 0 && d.compareTo(AMOUNT_MAX) <= 0 && Math.max(d.stripTrailingZeros().scale(), 0) <= 2,
                    field, "must be an amount between 0 and " + AMOUNT_MAX.toPlainString() + " with at most 2 decimals");
            return d.setScale(2, java.math.RoundingMode.UNNECESSARY);
        } catch (NumberFormatException | ArithmeticException e) {
            v.that(false, field, "must be an amount such as 150 or 150.50");
            return null;
        }
    }

    static String currency(Validator v, String field, String value) {
        String s = Validator.text(value);
        if (s == null) {
            return null;
        }
        String upper = s.toUpperCase(Locale.ROOT);
        v.that(CURRENCY.matcher(upper).matches(), field, "must be an ISO 4217 code such as EUR or RON");
        return upper;
    }

    /** Upper-cased ISO-2 codes without duplicates, in the order given. */
    static List<String> countries(Validator v, String field, List<String> values) {
        return codes(v, field, values, COUNTRY, true, COUNTRIES_MAX, "ISO 3166-1 alpha-2 codes such as RO or HU");
    }

    /** Lower-cased ISO 639-1 codes without duplicates, in the order given. */
    static List<String> languages(Validator v, String field, List<String> values) {
        return codes(v, field, values, LANGUAGE, false, LANGUAGES_MAX, "ISO 639-1 codes such as en or ro");
    }

    private static List<String> codes(Validator v, String field, List<String> values, Pattern pattern, boolean upper,
            int max, String what) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String value : values) {
            String s = Validator.text(value);
            if (s == null) {
                continue;
            }
            s = upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
            if (!pattern.matcher(s).matches()) {
                v.that(false, field, "must hold " + what + " (got '" + value + "')");
                return List.of();
            }
            out.add(s);
        }
        v.that(out.size() <= max, field, "must hold at most " + max + " codes");
        return new ArrayList<>(out);
    }
}
