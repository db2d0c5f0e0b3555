package eu.danubia.security.internal.rest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import eu.danubia.api.ValidationException;
import eu.danubia.api.security.Role;

/** Parses role lists so an unknown role is a 400 naming it. */
final class Roles {

    private Roles() {
    }

    /** Role ids ({@code association-admin}); the enum names ({@code ASSOCIATION_ADMIN}) are accepted too. */
    static Set<Role> parse(List<String> ids) {
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
