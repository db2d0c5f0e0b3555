package eu.danubia.b2b.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.store.Jdbc;
import eu.danubia.store.TenantScope;
import eu.danubia.store.Where;

/** SQL of the expressions of interest. */
final class InterestRepository {

    private static final String COLUMNS = "i.id, i.profile_id, i.sender_organisation_id, i.sender_association_id, "
            + "i.sender_user_id, i.sender_name, i.sender_email, i.message, i.status, i.created_at, i.answered_at";

    Optional<StoredInterest> find(Connection c, UUID id) throws SQLException {
        if (id == null) {
            return Optional.empty();
        }
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM b2b_interests i WHERE i.id = ?", InterestRepository::row, id);
    }

    boolean exists(Connection c, UUID profileId, UUID senderOrganisationId) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM b2b_interests WHERE profile_id = ? AND sender_organisation_id = ?",
                profileId, senderOrganisationId) > 0;
    }

    void insert(Connection c, StoredInterest i) throws SQLException {
        Jdbc.update(c, "INSERT INTO b2b_interests (id, profile_id, sender_organisation_id, sender_association_id, "
                + "sender_user_id, sender_name, sender_email, message, status, created_at, answered_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", i.id(), i.profileId(), i.senderOrganisationId(),
                i.senderAssociationId(), i.senderUserId(), i.senderName(), i.senderEmail(), i.message(), i.status(),
                i.createdAt(), i.answeredAt());
    }

    /** Answers a pending interest; false when it was answered meanwhile. */
    boolean answer(Connection c, UUID id, InterestStatus to, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE b2b_interests SET status = ?, answered_at = ? WHERE id = ? AND status = ?",
                to, now, id, InterestStatus.PENDING) == 1;
    }

    /** Interests in the profiles of the caller's side (the inbox), newest first. */
    List<StoredInterest> inbox(Connection c, Caller caller) throws SQLException {
        Where w = TenantScope.side(caller, "p.organisation_id", "p.association_id");
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM b2b_interests i JOIN b2b_profiles p ON p.id = i.profile_id"
                + w.sql() + " ORDER BY i.created_at DESC, i.id", InterestRepository::row, w.params());
    }

    /** Interests the caller's side sent (the outbox), newest first. */
    List<StoredInterest> outbox(Connection c, Caller caller) throws SQLException {
        Where w = TenantScope.side(caller, "i.sender_organisation_id", "i.sender_association_id");
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM b2b_interests i" + w.sql() + " ORDER BY i.created_at DESC, i.id",
                InterestRepository::row, w.params());
    }

    /**
     * Of the given profiles, those in which the caller's side holds an accepted interest: the
     * profiles whose owner and contact it may see.
     */
    Set<UUID> acceptedFor(Connection c, Caller caller, List<UUID> profileIds) throws SQLException {
        if (profileIds.isEmpty() || caller.isAnonymous()) {
            return Set.of();
        }
        UUID organisation = caller.organisationId();
        UUID association = caller.has(Role.ASSOCIATION_ADMIN) ? caller.associationId() : null;
        if (organisation == null && association == null) {
            return Set.of();
        }
        Where w = new Where().and("i.status = ?", InterestStatus.ACCEPTED)
                .and("i.profile_id IN (" + ProfileRepository.placeholders(profileIds.size()) + ")", profileIds.toArray());
        if (organisation != null && association != null) {
            w.and("i.sender_organisation_id = ? OR i.sender_association_id = ?", organisation, association);
        } else if (organisation != null) {
            w.and("i.sender_organisation_id = ?", organisation);
        } else {
            w.and("i.sender_association_id = ?", association);
        }
        return new HashSet<>(Jdbc.query(c, "SELECT DISTINCT i.profile_id FROM b2b_interests i" + w.sql(),
                rs -> Jdbc.uuid(rs, "profile_id"), w.params()));
    }

    private static StoredInterest row(ResultSet rs) throws SQLException {
        return new StoredInterest(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "profile_id"), Jdbc.uuid(rs, "sender_organisation_id"),
                Jdbc.uuid(rs, "sender_association_id"), Jdbc.uuid(rs, "sender_user_id"), rs.getString("sender_name"),
                rs.getString("sender_email"), rs.getString("message"), Jdbc.enumValue(rs, "status", InterestStatus.class),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "answered_at"));
    }
}
