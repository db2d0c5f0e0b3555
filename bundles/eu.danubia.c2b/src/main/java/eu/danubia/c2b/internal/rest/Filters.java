package eu.danubia.c2b.internal.rest;

import java.util.Locale;
import java.util.UUID;

import eu.danubia.api.ValidationException;
import eu.danubia.c2b.internal.ServiceCategory;
import eu.danubia.c2b.internal.ServiceFilter;

/** Query parameters of the C2B lists. */
final class Filters {

    private Filters() {
    }

    static ServiceFilter services(String q, ServiceCategory category, String country,
            UUID cluster) {
        return new ServiceFilter(q, category, country, cluster);
    }

    /** {@code true}/{@code false}, empty: false; anything else 400. */
    static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ValidationException(name, "must be true or false");
        };
    }
}
