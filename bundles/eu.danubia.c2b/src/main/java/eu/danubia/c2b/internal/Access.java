package eu.danubia.c2b.internal;

import java.util.UUID;

import eu.danubia.api.Cluster;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.store.Where;

/**
 * Who may do what, in one place. A cluster's services are managed by the admins of the cluster's
 * association and by the members of the cluster's managing organisation (the cluster office). A
 * request has two sides: the cluster's (the admins of the cluster's association, who answer) and the
 * requester's (the requesting organisation's users and the admins of its association, who may act
 * for it). Platform admins are on every side.
 */
final class Access {

    private Access() {
    }

    /** Creating, editing, archiving and reading the drafts of a cluster's services. */
    static boolean managesServices(Caller caller, Cluster cluster) {
        return managesServices(caller, cluster.associationId(), cluster.managingOrganisationId());
    }

    static boolean managesServices(Caller caller, StoredService s) {
        return managesServices(caller, s.associationId(), s.providerOrganisationId());
    }

    private static boolean managesServices(Caller caller, UUID association, UUID managingOrganisation) {
        if (caller.isAnonymous()) {
            return false;
        }
        return caller.administers(association) || caller.has(Role.MEMBER) && managingOrganisation != null
                && managingOrganisation.equals(caller.organisationId()) && caller.belongsTo(association);
    }

    /** Answering requests and managing the member list: the admins of the cluster's association. */
    static boolean clusterSide(Caller caller, StoredRequest r) {
        return !caller.isAnonymous() && caller.administers(r.clusterAssociationId());
    }

    static boolean requesterReads(Caller caller, StoredRequest r) {
        return caller.readsFor(r.organisationId(), r.organisationAssociationId());
    }

    static boolean requesterWrites(Caller caller, StoredRequest r) {
        return caller.writesFor(r.organisationId(), r.organisationAssociationId());
    }

    static boolean readsRequest(Caller caller, StoredRequest r) {
        return clusterSide(caller, r) || requesterReads(caller, r);
    }

    /** Requests to the clusters of the caller's association (admins), all for platform admins, none otherwise. */
    static Where inboxSql(Caller caller) {
        Where w = new Where();
        if (caller.isPlatformAdmin()) {
            return w;
        }
        if (caller.has(Role.ASSOCIATION_ADMIN) && caller.associationId() != null) {
            return w.and("r.cluster_association_id = ?", caller.associationId());
        }
        return w.and("1 = 0");
    }

    /** The services the caller manages, every status. */
    static Where managedSql(Caller caller) {
        Where w = new Where();
        if (caller.isPlatformAdmin()) {
            return w;
        }
        if (caller.isAnonymous() || caller.associationId() == null) {
            return w.and("1 = 0");
        }
        UUID association = caller.associationId();
        UUID organisation = caller.has(Role.MEMBER) ? caller.organisationId() : null;
        if (caller.has(Role.ASSOCIATION_ADMIN) && organisation != null) {
            return w.and("s.association_id = ? OR (s.provider_organisation_id = ? AND s.association_id = ?)",
                    association, organisation, association);
        }
        if (caller.has(Role.ASSOCIATION_ADMIN)) {
            return w.and("s.association_id = ?", association);
        }
        if (organisation != null) {
            return w.and("s.provider_organisation_id = ? AND s.association_id = ?", organisation, association);
        }
        return w.and("1 = 0");
    }
}
