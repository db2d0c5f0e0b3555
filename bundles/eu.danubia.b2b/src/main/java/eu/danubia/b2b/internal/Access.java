package eu.danubia.b2b.internal;

import eu.danubia.api.cooperation.ProfileStatus;
import eu.danubia.api.security.Caller;

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
        return caller.readsFor(p.organisationId(), p.associationId());
    }

    static boolean ownerWrites(Caller caller, StoredProfile p) {
        return caller.writesFor(p.organisationId(), p.associationId());
    }

    /** Approving and returning: the admins of the owner's association and platform admins, nobody else. */
    static boolean moderates(Caller caller, StoredProfile p) {
        return caller.administers(p.associationId());
    }

    static boolean senderReads(Caller caller, StoredInterest i) {
        return caller.readsFor(i.senderOrganisationId(), i.senderAssociationId());
    }

    static boolean senderWrites(Caller caller, StoredInterest i) {
        return caller.writesFor(i.senderOrganisationId(), i.senderAssociationId());
    }

    /** Published profiles are public; any other status only for the owner's side. */
    static boolean readsProfile(Caller caller, StoredProfile p) {
        return p.status() == ProfileStatus.PUBLISHED || ownerReads(caller, p);
    }
}
