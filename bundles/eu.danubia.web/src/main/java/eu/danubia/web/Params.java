package eu.danubia.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import eu.danubia.api.NotFoundException;
import eu.danubia.api.PageRequest;
import eu.danubia.api.ValidationException;

/**
 * Parses request parameters taken as strings (declare them as {@code String} in resources), so that a malformed value gets the platform's
 * problem responses (a path id that is no UUID names no record: 404; a bad query value: 400)
 * instead of the generic answers of the Jakarta RS runtime.
 */
public final class Params {

    private Params() {
    }

    /** A record id from the path; anything that is not a UUID cannot name a record. */
    public static UUID pathId(String value, String what) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(what);
        }
    }

    public static UUID queryId(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(name, "must be a UUID");
        }
    }

    public static Integer integer(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be a whole number");
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    public static PageRequest page(String page, String size) {
        Integer p = integer("page", page);
        Integer s = integer("size", size);
        return PageRequest.of(p, s);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
