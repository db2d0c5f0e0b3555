package eu.danubia.api;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Collects field errors and throws them together, so a form shows every problem at once.
 *
 * <pre>
 * new Validator().required("name", name).maxLength("name", name, 200).country("country", c).check();
 * </pre>
 */
public final class Validator {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern NUTS = Pattern.compile("[A-Z]{2}[0-9A-Z]{1,3}");
    private static final Pattern NACE = Pattern.compile("[A-U](\\d{2}(\\.\\d{1,2})?)?|\\d{2}(\\.\\d{1,2})?");

    private final Map<String, String> errors = new LinkedHashMap<>();

    public Validator required(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            add(field, "is required");
        }
        return this;
    }

    public Validator maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "must be at most " + max + " characters");
        }
        return this;
    }

    public Validator country(String field, String value) {
        if (value != null && !COUNTRY.matcher(value).matches()) {
            add(field, "must be an ISO 3166-1 alpha-2 code such as RO or HU");
        }
        return this;
    }

    public Validator nuts(String field, String value) {
        if (value != null && !NUTS.matcher(value).matches()) {
            add(field, "must be a NUTS 2021 code such as RO11 or HU110");
        }
        return this;
    }

    public Validator nace(String field, Collection<String> values) {
        if (values != null) {
            for (String v : values) {
                if (v == null || !NACE.matcher(v).matches()) {
                    add(field, "must hold NACE Rev.2 codes such as 62.01 (got '" + v + "')");
                    break;
                }
            }
        }
        return this;
    }

    public Validator url(String field, String value) {
        if (value != null && !value.isBlank() && !(value.startsWith("https://") || value.startsWith("http://"))) {
            add(field, "must start with https:// or http://");
        }
        return this;
    }

    /** Trimmed text, or null when null or blank: how every module reads a text field of a request body. */
    public static String text(String value) {
        if (value == null) {
            return null;
        }
        String t = value.strip();
        return t.isEmpty() ? null : t;
    }

    /** The UUID the field holds, or null when it is blank; anything else is an error of the field. */
    public UUID uuid(String field, String value) {
        String t = text(value);
        if (t == null) {
            return null;
        }
        try {
            return UUID.fromString(t);
        } catch (IllegalArgumentException e) {
            add(field, "must be a UUID");
            return null;
        }
    }

    /**
     * The constant the field names, case-insensitively and with {@code -} or a space for {@code _}, or null when
     * it is blank; anything else is an error of the field that lists the allowed names.
     */
    public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        String t = text(value);
        if (t == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, t.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            add(field, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
            return null;
        }
    }

    public Validator that(boolean ok, String field, String problem) {
        if (!ok) {
            add(field, problem);
        }
        return this;
    }

    private void add(String field, String problem) {
        errors.putIfAbsent(field, problem);
    }

    /** Throws a {@link ValidationException} with every error found, if any. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
