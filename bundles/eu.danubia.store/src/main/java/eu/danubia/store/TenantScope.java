package eu.danubia.store;

import java.util.UUID;

import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;

/**
 * The tenant rules as SQL, so every repository applies them the same way, server-side.
 * A record is readable when it is public, or belongs to the caller's association; platform
 * admins read everything; anonymous callers read public records only.
 */
public final class TenantScope {

    private TenantScope() {
    }

    /**
     * @param associationColumn the record's owning association column, e.g. {@code o.association_id}
     * @param visibilityColumn the record's visibility column holding {@code PUBLIC} or {@code ASSOCIATION}
     */
    public static Where readable(Caller caller, String associationColumn, String visibilityColumn) {
        Where w = new Where();
        if (caller.isPlatformAdmin()) {
            return w;
        }
        if (caller.isAnonymous() || caller.associationId() == null) {
            return w.and(visibilityColumn + " = 'PUBLIC'");
        }
        return w.and(visibilityColumn + " = 'PUBLIC' OR " + associationColumn + " = ?", caller.associationId());
    }

    /**
     * The records of one organisation's side that the caller reads (see {@link Caller#readsFor}):
     * its organisation's, every organisation's of its association for association admins, all for
     * platform admins, none for anybody else.
     *
     * @param organisationColumn the record's organisation column, e.g. {@code r.organisation_id}
     * @param associationColumn that organisation's association column
     */
    public static Where side(Caller caller, String organisationColumn, String associationColumn) {
        Where w = new Where();
        if (caller.isPlatformAdmin()) {
            return w;
        }
        UUID organisation = caller.isAnonymous() ? null : caller.organisationId();
        UUID association = caller.has(Role.ASSOCIATION_ADMIN) ? caller.associationId() : null;
        if (organisation != null && association != null) {
            return w.and(organisationColumn + " = ? OR " + associationColumn + " = ?", organisation, association);
        }
        if (organisation != null) {
            return w.and(organisationColumn + " = ?", organisation);
        }
        if (association != null) {
            return w.and(associationColumn + " = ?", association);
        }
        return w.and("1 = 0");
    }

    /** Records of the caller's own association only (platform admins: all). */
    public static Where own(Caller caller, String associationColumn) {
        Where w = new Where();
        if (caller.isPlatformAdmin()) {
            return w;
        }
        if (caller.associationId() == null) {
            return w.and("1 = 0");
        }
        return w.and(associationColumn + " = ?", caller.associationId());
    }
}
