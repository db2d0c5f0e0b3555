package eu.danubia.c2b.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.store.Jdbc;
import eu.danubia.store.Where;

/** SQL of the requests and of the cluster contacts. */
final class RequestRepository {

    static final int IN_CHUNK = 500;

    private static final String COLUMNS = "r.id, r.kind, r.cluster_id, r.cluster_association_id, r.cluster_organisation_id, "
            + "r.service_id, r.organisation_id, r.organisation_association_id, r.requester_user_id, r.requester_email, "
            + "r.message, r.status, r.answer, r.answered_by, r.created_at, r.answered_at";

    void insert(Connection c, StoredRequest r) throws SQLException {
        Jdbc.update(c, "INSERT INTO c2b_requests (id, kind, cluster_id, cluster_association_id, cluster_organisation_id, "
                + "service_id, organisation_id, organisation_association_id, requester_user_id, requester_email, message, "
                + "status, created_at, open_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.kind(), r.clusterId(), r.clusterAssociationId(), r.clusterOrganisationId(), r.serviceId(),
                r.organisationId(), r.organisationAssociationId(), r.requesterUserId(), r.requesterEmail(), r.message(),
                r.status(), r.createdAt(), r.openKey());
    }

    boolean openExists(Connection c, String openKey) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM c2b_requests WHERE open_key = ?", openKey) > 0;
    }

    /** Moves a SUBMITTED request on; false when it is no longer SUBMITTED. */
    boolean close(Connection c, UUID id, RequestStatus to, String answer, UUID by, Instant at) throws SQLException {
        return Jdbc.update(c, "UPDATE c2b_requests SET status = ?, answer = ?, answered_by = ?, answered_at = ?, "
                + "open_key = NULL WHERE id = ? AND status = 'SUBMITTED'", to, answer, by, at, id) > 0;
    }

    Optional<StoredRequest> find(Connection c, UUID id) throws SQLException {
        if (id == null) {
            return Optional.empty();
        }
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM c2b_requests r WHERE r.id = ?", RequestRepository::row, id);
    }

    /** Requests in the caller's reach (the where clause), newest first. */
    List<StoredRequest> list(Connection c, Where scope, int limit) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM c2b_requests r" + scope.sql()
                + " ORDER BY r.created_at DESC, r.id LIMIT ?", RequestRepository::row, scope.params(limit));
    }

    /** The requests an organisation sent, newest first. */
    List<StoredRequest> ofOrganisation(Connection c, UUID organisationId, int limit) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM c2b_requests r WHERE r.organisation_id = ? "
                + "ORDER BY r.created_at DESC, r.id LIMIT ?", RequestRepository::row, organisationId, limit);
    }

    /**
     * Every request as an interest (from the requester to the cluster's managing organisation) and
     * every accepted one also as an agreement, where one of the organisations is either side.
     */
    List<Cooperation> cooperations(Connection c, Collection<UUID> organisationIds) throws SQLException {
        List<UUID> ids = organisationIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        Map<UUID, Cooperation> out = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            String in = ServiceRepository.placeholders(chunk.size());
            Object[] params = new Object[chunk.size() * 2];
            for (int k = 0; k < chunk.size(); k++) {
                params[k] = chunk.get(k);
                params[chunk.size() + k] = chunk.get(k);
            }
            for (StoredRequest r : Jdbc.query(c, "SELECT " + COLUMNS + " FROM c2b_requests r WHERE r.organisation_id IN ("
                    + in + ") OR r.cluster_organisation_id IN (" + in + ")", RequestRepository::row, params)) {
                Cooperation interest = CooperationEvents.interest(r);
                out.putIfAbsent(interest.id(), interest);
                if (r.status() == RequestStatus.ACCEPTED) {
                    Cooperation agreement = CooperationEvents.agreement(r);
                    out.putIfAbsent(agreement.id(), agreement);
                }
            }
        }
        List<Cooperation> sorted = new ArrayList<>(out.values());
        sorted.sort(Comparator.comparing(Cooperation::at).thenComparing(Cooperation::kind).thenComparing(Cooperation::id));
        return sorted;
    }

    // ---- cluster contacts -------------------------------------------------------------------

    record Contact(UUID userId, String email, UUID associationId) {
    }

    void putContact(Connection c, UUID clusterId, Contact contact, Instant now) throws SQLException {
        if (Jdbc.update(c, "UPDATE c2b_cluster_contacts SET email = ?, association_id = ?, updated_at = ? "
                + "WHERE cluster_id = ? AND user_id = ?", contact.email(), contact.associationId(), now, clusterId,
                contact.userId()) == 0) {
            Jdbc.update(c, "INSERT INTO c2b_cluster_contacts (cluster_id, user_id, email, association_id, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?)", clusterId, contact.userId(), contact.email(), contact.associationId(), now);
        }
    }

    List<Contact> contacts(Connection c, UUID clusterId) throws SQLException {
        return Jdbc.query(c, "SELECT user_id, email, association_id FROM c2b_cluster_contacts WHERE cluster_id = ? "
                + "ORDER BY updated_at DESC, user_id", rs -> new Contact(Jdbc.uuid(rs, "user_id"), rs.getString("email"),
                        Jdbc.uuid(rs, "association_id")), clusterId);
    }

    private static StoredRequest row(ResultSet rs) throws SQLException {
        return new StoredRequest(Jdbc.uuid(rs, "id"), Jdbc.enumValue(rs, "kind", RequestKind.class),
                Jdbc.uuid(rs, "cluster_id"), Jdbc.uuid(rs, "cluster_association_id"),
                Jdbc.uuid(rs, "cluster_organisation_id"), Jdbc.uuid(rs, "service_id"), Jdbc.uuid(rs, "organisation_id"),
                Jdbc.uuid(rs, "organisation_association_id"), Jdbc.uuid(rs, "requester_user_id"),
                rs.getString("requester_email"), rs.getString("message"), Jdbc.enumValue(rs, "status", RequestStatus.class),
                rs.getString("answer"), Jdbc.uuid(rs, "answered_by"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "answered_at"));
    }
}
