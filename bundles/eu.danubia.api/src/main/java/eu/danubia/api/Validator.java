package eu.danubia.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

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
