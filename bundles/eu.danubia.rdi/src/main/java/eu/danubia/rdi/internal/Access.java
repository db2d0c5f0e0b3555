package eu.danubia.rdi.internal;

import eu.danubia.api.security.Caller;
import eu.danubia.store.Where;
import eu.danubia.store.TenantScope;

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
        return caller.readsFor(i.organisationId(), i.associationId());
    }

    static boolean ownerWrites(Caller caller, StoredIdea i) {
        return caller.writesFor(i.organisationId(), i.associationId());
    }

    static boolean applicantReads(Caller caller, StoredApplication a) {
        return caller.readsFor(a.applicantOrganisationId(), a.applicantAssociationId());
    }

    static boolean applicantWrites(Caller caller, StoredApplication a) {
        return caller.writesFor(a.applicantOrganisationId(), a.applicantAssociationId());
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
        Where owner = TenantScope.side(caller, "i.organisation_id", "i.association_id");
        Where applicant = TenantScope.side(caller, "a.applicant_organisation_id", "a.applicant_association_id");
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
