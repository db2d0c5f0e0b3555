package eu.danubia.api.security;

import java.util.Locale;

/** What a user may do. A user holds one or more roles within its association. */
public enum Role {
    /** Runs the platform: manages associations, sees every tenant. */
    PLATFORM_ADMIN,
    /** Manages one association: its users, members, moderation. */
    ASSOCIATION_ADMIN,
    /** Acts for a member organisation: publishes, expresses interest. */
    MEMBER,
    /** Reads the association's non-public records, changes nothing. */
    VIEWER;

    /** The name used in JSON and configuration: {@code platform-admin}, {@code member}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Role ofId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
