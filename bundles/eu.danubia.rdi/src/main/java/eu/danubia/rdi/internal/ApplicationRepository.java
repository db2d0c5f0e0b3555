package eu.danubia.rdi.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Jdbc;
import eu.danubia.store.TenantScope;
import eu.danubia.store.Where;

/** SQL of {@code rdi_applications}. */
final class ApplicationRepository {

    private static final String COLUMNS = "a.id, a.idea_id, a.role_id, a.applicant_organisation_id, "
            + "a.applicant_association_id, a.applicant_country, a.applicant_user_id, a.applicant_email, a.message, "
            + "a.status, a.created_at, a.answered_at";

    void insert(Connection c, StoredApplication a) throws SQLException {
        Jdbc.update(c, "INSERT INTO rdi_applications (id, idea_id, role_id, applicant_organisation_id, "
                + "applicant_association_id, applicant_country, applicant_user_id, applicant_email, message, status, "
                + "created_at, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", a.id(), a.ideaId(), a.roleId(),
                a.applicantOrganisationId(), a.applicantAssociationId(), a.applicantCountry(), a.applicantUserId(),
                a.applicantEmail(), a.message(), a.status(), a.createdAt(), a.answeredAt());
    }

    Optional<StoredApplication> find(Connection c, UUID id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM rdi_applications a WHERE a.id = ?", ApplicationRepository::row, id);
    }

    /** The organisation's application to the idea, whatever its status: there is at most one. */
    Optional<StoredApplication> ofApplicant(Connection c, UUID ideaId, UUID organisation) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM rdi_applications a WHERE a.idea_id = ? AND a.applicant_organisation_id = ?",
                ApplicationRepository::row, ideaId, organisation);
    }

    /** Sends a withdrawn application again with the new role, sender and message; false unless it was withdrawn. */
    boolean reopen(Connection c, StoredApplication a) throws SQLException {
        return Jdbc.update(c, "UPDATE rdi_applications SET role_id = ?, applicant_association_id = ?, applicant_country = ?, "
                + "applicant_user_id = ?, applicant_email = ?, message = ?, status = ?, created_at = ?, answered_at = NULL "
                + "WHERE id = ? AND status = ?", a.roleId(), a.applicantAssociationId(), a.applicantCountry(),
                a.applicantUserId(), a.applicantEmail(), a.message(), a.status(), a.createdAt(), a.id(),
                ApplicationStatus.WITHDRAWN) == 1;
    }

    long countForRole(Connection c, UUID roleId) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM rdi_applications WHERE role_id = ?", roleId);
    }

    boolean move(Connection c, UUID id, ApplicationStatus from, ApplicationStatus to, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE rdi_applications SET status = ?, answered_at = ? WHERE id = ? AND status = ?", to,
                now, id, from) == 1;
    }

    /** Applications to ideas of the caller's owner side, newest first. */
    List<StoredApplication> inbox(Connection c, Caller caller) throws SQLException {
        Where w = TenantScope.side(caller, "i.organisation_id", "i.association_id");
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM rdi_applications a JOIN rdi_ideas i ON i.id = a.idea_id"
                + w.sql() + " ORDER BY a.created_at DESC, a.id", ApplicationRepository::row, w.params());
    }

    /** Applications of the caller's applicant side, newest first. */
    List<StoredApplication> outbox(Connection c, Caller caller) throws SQLException {
        Where w = TenantScope.side(caller, "a.applicant_organisation_id", "a.applicant_association_id");
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM rdi_applications a" + w.sql()
                + " ORDER BY a.created_at DESC, a.id", ApplicationRepository::row, w.params());
    }

    /** The applications of one idea, for its owner's side. */
    List<StoredApplication> ofIdea(Connection c, UUID ideaId) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM rdi_applications a WHERE a.idea_id = ? "
                + "ORDER BY a.created_at DESC, a.id", ApplicationRepository::row, ideaId);
    }

    /** Whether the caller's side applied to the idea (it then reads the idea whatever its visibility). */
    boolean applied(Connection c, Caller caller, UUID ideaId) throws SQLException {
        if (caller.isAnonymous()) {
            return false;
        }
        Where w = new Where().and("a.idea_id = ?", ideaId)
                .and(TenantScope.side(caller, "a.applicant_organisation_id", "a.applicant_association_id"));
        return Jdbc.count(c, "SELECT COUNT(*) FROM rdi_applications a" + w.sql(), w.params()) > 0;
    }

    /**
     * Every application (INTEREST, from the applicant to the idea's owner, when sent) and every accepted
     * one (AGREEMENT, when accepted) in which one of the organisations is either side.
     */
    List<Cooperation> involving(Connection c, Collection<UUID> organisationIds) throws SQLException {
        List<UUID> ids = organisationIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        java.util.Map<String, Cooperation> out = new java.util.LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += IdeaRepository.IN_CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + IdeaRepository.IN_CHUNK));
            String in = IdeaRepository.placeholders(chunk.size());
            Object[] params = new Object[chunk.size() * 2];
            for (int k = 0; k < chunk.size(); k++) {
                params[k] = chunk.get(k);
                params[chunk.size() + k] = chunk.get(k);
            }
            String sql = "SELECT a.id, a.applicant_organisation_id, i.organisation_id, a.status, a.created_at, "
                    + "a.answered_at FROM rdi_applications a JOIN rdi_ideas i ON i.id = a.idea_id "
                    + "WHERE a.applicant_organisation_id IN (" + in + ") OR i.organisation_id IN (" + in + ")";
            for (Object[] r : Jdbc.query(c, sql, rs -> new Object[] {Jdbc.uuid(rs, "id"),
                    Jdbc.uuid(rs, "applicant_organisation_id"), Jdbc.uuid(rs, "organisation_id"), rs.getString("status"),
                    Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "answered_at")}, params)) {
                UUID id = (UUID) r[0];
                out.putIfAbsent("I" + id, new Cooperation(RdiMode.ID, Cooperation.Kind.INTEREST, id, (UUID) r[1],
                        (UUID) r[2], (Instant) r[4]));
                if (ApplicationStatus.ACCEPTED.name().equals(r[3])) {
                    out.putIfAbsent("A" + id, new Cooperation(RdiMode.ID, Cooperation.Kind.AGREEMENT, id, (UUID) r[1],
                            (UUID) r[2], (Instant) r[5]));
                }
            }
        }
        List<Cooperation> sorted = new ArrayList<>(out.values());
        sorted.sort(java.util.Comparator.comparing(Cooperation::at).thenComparing(Cooperation::kind)
                .thenComparing(Cooperation::id));
        return sorted;
    }

    private static StoredApplication row(ResultSet rs) throws SQLException {
        return new StoredApplication(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "idea_id"), Jdbc.uuid(rs, "role_id"),
                Jdbc.uuid(rs, "applicant_organisation_id"), Jdbc.uuid(rs, "applicant_association_id"),
                rs.getString("applicant_country"), Jdbc.uuid(rs, "applicant_user_id"), rs.getString("applicant_email"),
                rs.getString("message"), Jdbc.enumValue(rs, "status", ApplicationStatus.class),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "answered_at"));
    }
}
