package eu.danubia.b2b.internal;

import java.util.UUID;

import eu.danubia.api.cooperation.ProfileStatus;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.store.Where;

/**
 * Who may do what, in one place. A profile has two sides: the owner's (the owning organisation's
 * users, the admins of its association, platform admins) and, per expression of interest, the
 * sender's (the sending organisation's users and the admins of its association). Reading needs any
 * user of the side; writing needs the member role or an admin.
 */
final class Access {

    private Access() {
    }

    static boolean ownerReads(Caller caller, StoredProfile p) {
        return sideReads(caller, p.organisationId(), p.associationId());
    }

    static boolean ownerWrites(Caller caller, StoredProfile p) {
        return sideWrites(caller, p.organisationId(), p.associationId());
    }

    /** Approving and returning: the admins of the owner's association and platform admins, nobody else. */
    static boolean moderates(Caller caller, StoredProfile p) {
        return caller.administers(p.associationId());
    }

    static boolean senderReads(Caller caller, StoredInterest i) {
        return sideReads(caller, i.senderOrganisationId(), i.senderAssociationId());
    }

    static boolean senderWrites(Caller caller, StoredInterest i) {
        return sideWrites(caller, i.senderOrganisationId(), i.senderAssociationId());
    }

    /** Published profiles are public; any other status only for the owner's side. */
    static boolean readsProfile(Caller caller, StoredProfile p) {
        return p.status() == ProfileStatus.PUBLISHED || ownerReads(caller, p);
    }

    static boolean sideReads(Caller caller, UUID organisation, UUID association) {
        if (caller.isAnonymous()) {
            return false;
        }
        return caller.administers(association) || organisation != null && organisation.equals(caller.organisationId());
    }

    static boolean sideWrites(Caller caller, UUID organisation, UUID association) {
        if (caller.isAnonymous()) {
            return false;
        }
        return caller.administers(association)
                || caller.has(Role.MEMBER) && organisation != null && organisation.equals(caller.organisationId());
    }

    /** True for association admins of a tenant and for platform admins. */
    static boolean isAdmin(Caller caller) {
        return caller.isPlatformAdmin() || caller.has(Role.ASSOCIATION_ADMIN) && caller.associationId() != null;
    }

    /**
     * The records of one side the caller reads, as SQL: its organisation's, all of its association's
     * for association admins, everything for platform admins, nothing for anybody else.
     */
    static Where sideSql(Caller caller, String organisationColumn, String associationColumn) {
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
}
