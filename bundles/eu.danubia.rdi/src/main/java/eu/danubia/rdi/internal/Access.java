package eu.danubia.rdi.internal;

import java.util.UUID;

import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.store.Where;

/**
 * Who may do what, in one place; the same sides as B2B. An idea has the owner's side (the owning
 * organisation's users, the admins of its association, platform admins) and, per application, the
 * applicant's side (the applying organisation's users and the admins of its association). Reading
 * needs any user of a side, writing the member role or an admin.
 */
final class Access {

    private Access() {
    }

    static boolean ownerReads(Caller caller, StoredIdea i) {
        return sideReads(caller, i.organisationId(), i.associationId());
    }

    static boolean ownerWrites(Caller caller, StoredIdea i) {
        return sideWrites(caller, i.organisationId(), i.associationId());
    }

    static boolean applicantReads(Caller caller, StoredApplication a) {
        return sideReads(caller, a.applicantOrganisationId(), a.applicantAssociationId());
    }

    static boolean applicantWrites(Caller caller, StoredApplication a) {
        return sideWrites(caller, a.applicantOrganisationId(), a.applicantAssociationId());
    }

    /** Open and closed ideas by visibility; drafts and private ideas only for the owner's side. */
    static boolean readsByVisibility(Caller caller, StoredIdea i) {
        if (ownerReads(caller, i)) {
            return true;
        }
        if (i.status() == IdeaStatus.DRAFT) {
            return false;
        }
        return switch (i.visibility()) {
            case PUBLIC -> true;
            case ASSOCIATION -> !caller.isAnonymous() && i.associationId().equals(caller.associationId());
            case PRIVATE -> false;
        };
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

    static boolean isAdmin(Caller caller) {
        return caller.isPlatformAdmin() || caller.has(Role.ASSOCIATION_ADMIN) && caller.associationId() != null;
    }

    /** The records of one side the caller reads, as SQL (see B2B's Access.sideSql). */
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

    /**
     * The ideas the caller reads, as SQL over {@code rdi_ideas i}: by visibility once not a draft, the
     * owner's side always, and the ideas its side applied to.
     */
    static Where readableIdeasSql(Caller caller) {
        Where w = new Where();
        if (caller.isPlatformAdmin()) {
            return w;
        }
        if (caller.isAnonymous()) {
            return w.and("i.status <> 'DRAFT' AND i.visibility = 'PUBLIC'");
        }
        Where owner = sideSql(caller, "i.organisation_id", "i.association_id");
        Where applicant = sideSql(caller, "a.applicant_organisation_id", "a.applicant_association_id");
        StringBuilder sql = new StringBuilder("i.status <> 'DRAFT' AND (i.visibility = 'PUBLIC'");
        java.util.List<Object> params = new java.util.ArrayList<>();
        if (caller.associationId() != null) {
            sql.append(" OR i.visibility = 'ASSOCIATION' AND i.association_id = ?");
            params.add(caller.associationId());
        }
        sql.append(")");
        sql.append(" OR ").append(owner.sql().substring(" WHERE ".length()));
        params.addAll(java.util.List.of(owner.params()));
        sql.append(" OR EXISTS (SELECT 1 FROM rdi_applications a WHERE a.idea_id = i.id AND ")
                .append(applicant.sql().substring(" WHERE ".length())).append(")");
        params.addAll(java.util.List.of(applicant.params()));
        return w.and(sql.toString(), params.toArray());
    }
}
