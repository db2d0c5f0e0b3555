package eu.danubia.security.internal.rest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import eu.danubia.api.ValidationException;
import eu.danubia.api.security.Role;

/** Parses query parameters and role lists so bad input is a 400 with the field named, not a 404. */
final class Params {

    private Params() {
    }

    static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be a whole number");
        }
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(name, "must be a UUID");
        }
    }

    /** Role ids ({@code association-admin}); the enum names ({@code ASSOCIATION_ADMIN}) are accepted too. */
    static Set<Role> roles(List<String> ids) {
        Set<Role> roles = new LinkedHashSet<>();
        if (ids != null) {
            for (String id : ids) {
                try {
                    roles.add(Role.ofId(id));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new ValidationException("roles", "unknown role '" + id + "'");
                }
            }
        }
        return roles;
    }
}
