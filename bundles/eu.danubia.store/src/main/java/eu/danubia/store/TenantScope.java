package eu.danubia.store;

import eu.danubia.api.security.Caller;

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
