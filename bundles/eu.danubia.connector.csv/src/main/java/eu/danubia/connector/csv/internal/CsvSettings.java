package eu.danubia.connector.csv.internal;

import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How one national CSV export is read, checked when the configuration is applied so that a typo
 * fails the configuration, not every row of every import.
 *
 * @param source the connector id written into every record, e.g. {@code hu-e-beszamolo}
 * @param country ISO 3166 code for records whose row has no mapped country column
 * @param headerLine 1-based line holding the column names; earlier lines (titles) are skipped
 * @param columns target field to source column: a header name (case-insensitive) or {@code #n}, the n-th column
 * @param naceSeparator splits a cell holding several NACE codes, or null when a cell holds one
 * @param currency reporting currency of rows whose currency column is not mapped, or null
 * @param statuses source status value (case-insensitive) to the platform's status; unmapped values are kept as they are
 */
record CsvSettings(
        String source,
        String country,
        char delimiter,
        Character quote,
        Charset charset,
        int headerLine,
        Map<Field, String> columns,
        DateTimeFormatter dateFormat,
        char decimalSeparator,
        String naceSeparator,
        String currency,
        EurRates rates,
        Map<String, String> statuses,
        int maxLineBytes) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    CsvSettings {
        columns = Collections.unmodifiableMap(new EnumMap<>(columns));
        statuses = Map.copyOf(statuses);
    }

    boolean financials() {
        return columns.keySet().stream().anyMatch(Field::figure);
    }

    /** Builds and checks settings from the configuration's strings. */
    static CsvSettings of(String source, String country, String delimiter, String quote, String charset, int headerLine,
            String[] mapping, String dateFormat, String decimalSeparator, String naceSeparator, String currency,
            String[] eurRates, String[] statusMap, int maxLineBytes) {
        if (source == null || source.length() > 40 || !ID.matcher(source).matches()) {
            throw new IllegalArgumentException("connector id '" + source + "' must be up to 40 lower-case letters and digits"
                    + " in words joined by '-', e.g. hu-e-beszamolo");
        }
        if (country == null || !COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("country '" + country + "' is not an ISO 3166 alpha-2 code");
        }
        Map<Field, String> columns = new EnumMap<>(Field.class);
        for (String entry : mapping == null ? new String[0] : mapping) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || entry.substring(eq + 1).isBlank()) {
                throw new IllegalArgumentException("mapping '" + entry + "' is not target=column");
            }
            Field field = Field.of(entry.substring(0, eq));
            if (columns.put(field, entry.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException("target '" + field.key + "' is mapped twice");
            }
        }
        for (Field required : new Field[] {Field.NATIONAL_ID, Field.NAME}) {
            if (!columns.containsKey(required)) {
                throw new IllegalArgumentException("mapping needs " + required.key);
            }
        }
        boolean figures = columns.keySet().stream().anyMatch(Field::figure);
        if (figures && !columns.containsKey(Field.YEAR)) {
            throw new IllegalArgumentException("financial figures are mapped, so year must be mapped too");
        }
        String reporting = currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(Locale.ROOT);
        if (reporting != null && !CURRENCY.matcher(reporting).matches()) {
            throw new IllegalArgumentException("currency '" + currency + "' is not an ISO 4217 code");
        }
        if (figures && reporting == null && !columns.containsKey(Field.CURRENCY)) {
            throw new IllegalArgumentException("financial figures are mapped: set the currency or map a currency column");
        }
        Map<String, String> statuses = new LinkedHashMap<>();
        for (String entry : statusMap == null ? new String[0] : statusMap) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            int eq = entry.lastIndexOf('=');
            if (eq <= 0 || entry.substring(eq + 1).isBlank()) {
                throw new IllegalArgumentException("status mapping '" + entry + "' is not value=STATUS");
            }
            statuses.put(entry.substring(0, eq).strip().toLowerCase(Locale.ROOT), entry.substring(eq + 1).strip());
        }
        if (headerLine < 1) {
            throw new IllegalArgumentException("headerLine is 1-based");
        }
        char decimal = single(decimalSeparator, "decimalSeparator");
        if (decimal != '.' && decimal != ',') {
            throw new IllegalArgumentException("decimalSeparator must be '.' or ','");
        }
        return new CsvSettings(source, country, delimiter(delimiter), quote == null || quote.isEmpty() ? null : single(quote, "quote"),
                Charset.forName(charset.strip()), headerLine, columns, dateFormat(dateFormat), decimal,
                naceSeparator == null || naceSeparator.isEmpty() ? null : naceSeparator, reporting, EurRates.parse(reporting, eurRates),
                statuses, maxLineBytes > 0 ? maxLineBytes : DelimitedLines.DEFAULT_MAX_LINE_BYTES);
    }

    /** Strict, so that 31.02.2020 is an error rather than 29 February; then {@code yyyy} must be {@code uuuu}. */
    private static DateTimeFormatter dateFormat(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("dateFormat is empty");
        }
        try {
            return DateTimeFormatter.ofPattern(pattern.strip().replace("yyyy", "uuuu"), Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dateFormat '" + pattern + "': " + e.getMessage());
        }
    }

    private static char delimiter(String value) {
        if ("\\t".equals(value) || "tab".equalsIgnoreCase(value) || "\t".equals(value)) {
            return '\t';
        }
        return single(value, "delimiter");
    }

    private static char single(String value, String what) {
        if (value == null || value.length() != 1) {
            throw new IllegalArgumentException(what + " must be one character, got '" + value + "'");
        }
        return value.charAt(0);
    }
}
