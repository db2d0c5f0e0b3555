package eu.danubia.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** The input is invalid; {@link #errors()} maps each offending field to what is wrong with it. */
public class ValidationException extends DanubiaException {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> errors;

    public ValidationException(Map<String, String> errors) {
        super("Invalid input: " + String.join(", ", errors.keySet()));
        this.errors = Map.copyOf(new LinkedHashMap<>(errors));
    }

    public ValidationException(String field, String problem) {
        this(Map.of(field, problem));
    }

    /** The request body itself, refused when it is missing (a JSON {@code null} or no body at all). */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw new ValidationException("body", "is required");
        }
        return body;
    }

    public Map<String, String> errors() {
        return errors;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Bad Request";
    }
}
