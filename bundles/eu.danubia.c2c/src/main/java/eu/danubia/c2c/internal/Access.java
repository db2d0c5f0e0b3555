package eu.danubia.c2c.internal;

import eu.danubia.api.Cluster;
import eu.danubia.api.security.Caller;

/**
 * Who may do what, in one place. Cluster profiles are read like the directory reads clusters (and
 * then by the profile's own visibility) and changed by the admins of the cluster's association.
 * A proposal has two sides, the proposing cluster's association and the target cluster's; only
 * their admins (and platform admins) see it, and each action belongs to one side.
 */
final class Access {

    private Access() {
    }

    static boolean editsProfile(Caller caller, Cluster cluster) {
        return !caller.isAnonymous() && caller.administers(cluster.associationId());
    }

    static boolean onProposingSide(Caller caller, StoredProposal p) {
        return !caller.isAnonymous() && caller.administers(p.from().associationId());
    }

    static boolean onTargetSide(Caller caller, StoredProposal p) {
        return !caller.isAnonymous() && caller.administers(p.to().associationId());
    }

    static boolean readsProposal(Caller caller, StoredProposal p) {
        return onProposingSide(caller, p) || onTargetSide(caller, p);
    }
}
