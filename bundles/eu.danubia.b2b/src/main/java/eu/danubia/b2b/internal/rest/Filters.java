package eu.danubia.b2b.internal.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import eu.danubia.api.ValidationException;
import eu.danubia.b2b.internal.ProfileFilter;
import eu.danubia.b2b.internal.ProfileType;
import eu.danubia.web.Params;

/** The query parameters shared by the profile list and its export; every bad one is reported at once. */
final class Filters {

    private Filters() {
    }

    static ProfileFilter of(String q, String type, String country, String nace, String keyword, String from,
            String sort, String mine) {
        Map<String, String> errors = new LinkedHashMap<>();
        ProfileType t = parse(errors, () -> Params.enumValue("type", type, ProfileType.class));
        LocalDate f = parse(errors, () -> date(from));
        ProfileFilter.Sort s = parse(errors, () -> Params.enumValue("sort", sort, ProfileFilter.Sort.class));
        Boolean m = parse(errors, () -> bool("mine", mine));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ProfileFilter(q, t, country, nace, keyword, f, s, m);
    }

    private static <T> T parse(Map<String, String> errors, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (ValidationException e) {
            errors.putAll(e.errors());
            return null;
        }
    }

    static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException("from", "must be a date such as 2026-01-31");
        }
    }

    static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationException(name, "must be true or false");
        };
    }
}
