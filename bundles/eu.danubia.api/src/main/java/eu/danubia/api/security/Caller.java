package eu.danubia.api.security;

import java.util.Set;
import java.util.UUID;

import eu.danubia.api.UnauthorizedException;

/**
 * Who makes a request, as established server-side from the session or token. Modules decide every
 * read and write from this, never from ids in the request.
 *
 * @param associationId the caller's tenant; {@code null} only for anonymous callers and platform admins without one
 * @param organisationId the member organisation the user acts for, if any
 */
public record Caller(UUID userId, String email, UUID associationId, UUID organisationId, Set<Role> roles) {

    public static final Caller ANONYMOUS = new Caller(null, null, null, null, Set.of());

    /** The platform itself (start-up tasks, demo data, imports): a platform admin with no person behind it. */
    public static final Caller SYSTEM = new Caller(new UUID(0, 0), "system", null, null, Set.of(Role.PLATFORM_ADMIN));

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isAnonymous() {
        return userId == null;
    }

    /** Refuses anonymous callers (401): what every write and every private read starts with. */
    public Caller requireLoggedIn() {
        if (isAnonymous()) {
            throw new UnauthorizedException("Log in first");
        }
        return this;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isPlatformAdmin() {
        return has(Role.PLATFORM_ADMIN);
    }

    /** True when the caller belongs to that association (platform admins belong to all). */
    public boolean belongsTo(UUID association) {
        return isPlatformAdmin() || association != null && association.equals(associationId);
    }

    /** True when the caller may administer that association. */
    public boolean administers(UUID association) {
        return isPlatformAdmin() || has(Role.ASSOCIATION_ADMIN) && association != null && association.equals(associationId);
    }

    /** True for platform admins and for the admins of an association. */
    public boolean isAdmin() {
        return isPlatformAdmin() || has(Role.ASSOCIATION_ADMIN) && associationId != null;
    }

    /**
     * True when the caller reads what belongs to that organisation of that association: one of the
     * organisation's users, an admin of its association, or a platform admin.
     */
    public boolean readsFor(UUID organisation, UUID association) {
        return !isAnonymous() && (administers(association) || organisation != null && organisation.equals(organisationId));
    }

    /**
     * True when the caller acts for that organisation of that association: a member (role MEMBER) of
     * the organisation, an admin of its association, or a platform admin.
     */
    public boolean writesFor(UUID organisation, UUID association) {
        return !isAnonymous()
                && (administers(association) || has(Role.MEMBER) && organisation != null && organisation.equals(organisationId));
    }

    /** True when the caller may change records of that association (admins, and members for their own organisation). */
    public boolean canWriteIn(UUID association) {
        return administers(association) || has(Role.MEMBER) && association != null && association.equals(associationId);
    }
}
