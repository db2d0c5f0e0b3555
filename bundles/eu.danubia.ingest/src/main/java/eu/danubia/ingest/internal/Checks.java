package eu.danubia.ingest.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.api.ingest.RegionStat;

/**
 * What a record must satisfy to be stored. Everything the database would refuse is caught here,
 * because one refused row would fail its whole batch. Records are stored as the connector
 * normalized them: nothing is trimmed or upper-cased here, a record that is not normalized is
 * refused.
 *
 * <p>No part of a natural key may contain ':', which joins the parts into the primary key.
 *
 * <p>Every record of an import passes here, so the checks are plain character tests and a
 * message is only built for a field that fails (a quarter of the per-record cost before).
 */
final class Checks {

    static final int POSITION_MAX = 500;
    static final int NACE_CODES_MAX = 60;
    static final int FIRST_STATEMENT_YEAR = 1990;
    static final int FIRST_STAT_YEAR = 1900;
    static final int LAST_STAT_YEAR = 2100;
    static final LocalDate FIRST_FOUNDING = LocalDate.of(1500, 1, 1);

    /** ISO 3166-1 alpha-2, and XK (Kosovo), which registers and Eurostat use. */
    static final Set<String> COUNTRIES = Stream.concat(Stream.of(Locale.getISOCountries()), Stream.of("XK"))
            .collect(Collectors.toUnmodifiableSet());
    static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    private static final String REQUIRED = "is required";

    private Checks() {
    }

    static Map<String, String> company(CompanyRecord r, String position, LocalDate today) {
        if (r == null) {
            return Map.of("record", REQUIRED);
        }
        Errors e = new Errors();
        source(e, "source", r.source());
        nationalId(e, r.nationalId());
        text(e, "name", r.name(), 500, true);
        text(e, "legalForm", r.legalForm(), 100, false);
        List<String> codes = r.naceCodes();
        for (String code : codes) {
            if (!nace(code)) {
                e.add("naceCodes", "must hold NACE Rev.2 codes such as 62.01 or 62 (got '" + code + "')");
                break;
            }
        }
        if (codes.size() > NACE_CODES_MAX) {
            e.add("naceCodes", "must hold at most " + NACE_CODES_MAX + " codes");
        }
        text(e, "street", r.street(), 300, false);
        text(e, "city", r.city(), 200, false);
        text(e, "postalCode", r.postalCode(), 20, false);
        boolean country = country(e, "country", r.country());
        String nuts = r.nutsCode();
        if (nuts != null) {
            if (!code(nuts, 3, 5, true)) {
                e.add("nutsCode", "must be a NUTS 2021 code such as RO11 or HU110");
            } else if (country && !nutsCountry(nuts).equals(r.country())) {
                e.add("nutsCode", "is not a region of " + r.country());
            }
        }
        text(e, "status", r.status(), 40, false);
        LocalDate founded = r.foundedOn();
        if (founded != null && (founded.isBefore(FIRST_FOUNDING) || founded.isAfter(today.plusDays(1)))) {
            e.add("foundedOn", "must lie between " + FIRST_FOUNDING + " and today");
        }
        position(e, position);
        return e.map();
    }

    static Map<String, String> financials(FinancialStatement f, String position, LocalDate today) {
        if (f == null) {
            return Map.of("record", REQUIRED);
        }
        Errors e = new Errors();
        source(e, "source", f.source());
        nationalId(e, f.nationalId());
        if (f.year() < FIRST_STATEMENT_YEAR || f.year() > today.getYear()) {
            e.add("year", "must lie between " + FIRST_STATEMENT_YEAR + " and " + today.getYear());
        }
        if (f.currency() == null) {
            e.add("currency", REQUIRED);
        } else if (!CURRENCIES.contains(f.currency())) {
            e.add("currency", "must be an ISO 4217 code such as EUR or RON");
        }
        amount(e, "turnover", f.turnover(), 20);
        if (f.employees() != null && f.employees() < 0) {
            e.add("employees", "must not be negative");
        }
        amount(e, "profitLoss", f.profitLoss(), 20);
        amount(e, "assets", f.assets(), 20);
        amount(e, "equity", f.equity(), 20);
        amount(e, "exports", f.exports(), 20);
        amount(e, "eurRate", f.eurRate(), 10);
        if (f.eurRate() != null && f.eurRate().signum() <= 0) {
            e.add("eurRate", "must be positive");
        }
        position(e, position);
        return e.map();
    }

    static Map<String, String> regionStat(RegionStat s, String position) {
        if (s == null) {
            return Map.of("record", REQUIRED);
        }
        Errors e = new Errors();
        dimension(e, "dataset", s.dataset(), 100, "must be a dataset code such as nama_10r_3empers");
        if (s.nutsCode() == null) {
            e.add("nutsCode", REQUIRED);
        } else if (!code(s.nutsCode(), 2, 5, true)) {
            // regional statistics also come for whole countries (NUTS level 0)
            e.add("nutsCode", "must be a country or NUTS 2021 code such as RO or RO11");
        }
        dimension(e, "nace", s.nace(), 20, "must be a code such as C, B-E or TOTAL");
        dimension(e, "unit", s.unit(), 20, "must be a code such as THS_PER");
        if (s.year() < FIRST_STAT_YEAR || s.year() > LAST_STAT_YEAR) {
            e.add("year", "must lie between " + FIRST_STAT_YEAR + " and " + LAST_STAT_YEAR);
        }
        amount(e, "value", s.value(), 18);
        String flag = s.flag();
        if (flag != null && (flag.length() > 10 || !flag.chars().allMatch(Checks::letter))) {
            e.add("flag", "must be up to 10 letters, such as p or bp");
        }
        position(e, position);
        return e.map();
    }

    /** Only required: a long position is shortened by {@link #position(String)}, never refused. */
    static void position(Errors e, String position) {
        if (blank(position)) {
            e.add("sourcePosition", REQUIRED);
        }
    }

    /**
     * The position as stored: at most {@link #POSITION_MAX} characters, keeping its start (the
     * document) and its end (the line or record), and without NUL characters.
     */
    static String position(String position) {
        String p = position.indexOf('\u0000') < 0 ? position : position.replace('\u0000', '\uFFFD');
        if (p.length() <= POSITION_MAX) {
            return p;
        }
        int head = POSITION_MAX / 2;
        int tail = POSITION_MAX - head - 1;
        if (Character.isHighSurrogate(p.charAt(head - 1))) {
            head--;
        }
        if (Character.isLowSurrogate(p.charAt(p.length() - tail))) {
            tail--;
        }
        return p.substring(0, head) + '\u2026' + p.substring(p.length() - tail);
    }

    /** A connector id such as {@code cz-ares}: lower-case letters, digits, '.', '_', '-', at most 40. */
    static void source(Errors e, String field, String source) {
        if (blank(source)) {
            e.add(field, REQUIRED);
            return;
        }
        boolean ok = source.length() <= 40 && (lower(source.charAt(0)) || digit(source.charAt(0)));
        for (int i = 1; ok && i < source.length(); i++) {
            char c = source.charAt(i);
            ok = lower(c) || digit(c) || c == '.' || c == '_' || c == '-';
        }
        if (!ok) {
            e.add(field, "must be a connector id such as cz-ares");
        }
    }

    /** Register ids: letters, digits, '.', '/' and '-', at most 50 (registers print them so). */
    private static void nationalId(Errors e, String id) {
        if (blank(id)) {
            e.add("nationalId", REQUIRED);
            return;
        }
        boolean ok = id.length() <= 50;
        for (int i = 0; ok && i < id.length(); i++) {
            char c = id.charAt(i);
            ok = letter(c) || digit(c) || c == '.' || c == '/' || c == '-';
        }
        if (!ok) {
            e.add("nationalId", "must be 1 to 50 letters, digits, '.', '/' or '-'");
        }
    }

    /** Eurostat dimension codes (TOTAL, B-E, M_N, THS_PER) and dataset codes. */
    private static void dimension(Errors e, String field, String value, int max, String problem) {
        if (blank(value)) {
            e.add(field, REQUIRED);
            return;
        }
        boolean ok = value.length() <= max && (letter(value.charAt(0)) || digit(value.charAt(0)));
        for (int i = 1; ok && i < value.length(); i++) {
            char c = value.charAt(i);
            ok = letter(c) || digit(c) || c == '.' || c == '_' || c == '-';
        }
        if (!ok) {
            e.add(field, problem);
        }
    }

    /** NACE Rev.2 division (62), group (62.0) or class (62.01). */
    static boolean nace(String code) {
        int n = code.length();
        return (n == 2 || n == 4 || n == 5) && digit(code.charAt(0)) && digit(code.charAt(1))
                && (n == 2 || code.charAt(2) == '.' && digit(code.charAt(3)) && (n == 4 || digit(code.charAt(4))));
    }

    /** Two upper-case letters, then upper-case letters or digits: NUTS codes. */
    private static boolean code(String value, int min, int max, boolean countryFirst) {
        int n = value.length();
        boolean ok = n >= min && n <= max;
        for (int i = 0; ok && i < n; i++) {
            char c = value.charAt(i);
            ok = c >= 'A' && c <= 'Z' || !(countryFirst && i < 2) && digit(c);
        }
        return ok;
    }

    static void text(Errors e, String field, String value, int max, boolean required) {
        if (value == null || required && value.isBlank()) {
            if (required) {
                e.add(field, REQUIRED);
            }
            return;
        }
        if (value.length() > max) {
            e.add(field, "must be at most " + max + " characters");
        } else if (value.indexOf('\u0000') >= 0) {
            // PostgreSQL cannot store a NUL character
            e.add(field, "must not contain NUL characters");
        }
    }

    /** Returns whether the country is valid. */
    static boolean country(Errors e, String field, String country) {
        if (country == null) {
            e.add(field, REQUIRED);
            return false;
        }
        if (!COUNTRIES.contains(country)) {
            e.add(field, "must be an ISO 3166-1 alpha-2 code such as RO or HU");
            return false;
        }
        return true;
    }

    /** NUTS codes are ISO country codes except for Greece. */
    static String nutsCountry(String nuts) {
        String prefix = nuts.substring(0, 2);
        return prefix.equals("EL") ? "GR" : prefix;
    }

    /** Fits the table's NUMERIC column: at most {@code digits} digits before the decimal point. */
    static void amount(Errors e, String field, BigDecimal value, int digits) {
        if (value != null && value.precision() - value.scale() > digits) {
            e.add(field, "must have at most " + digits + " digits before the decimal point");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean lower(int c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean letter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Field errors, the first per field; allocated only when there is one. */
    static final class Errors {

        private Map<String, String> errors;

        void add(String field, String problem) {
            if (errors == null) {
                errors = new LinkedHashMap<>();
            }
            errors.putIfAbsent(field, problem);
        }

        Map<String, String> map() {
            return errors == null ? Map.of() : errors;
        }
    }
}
