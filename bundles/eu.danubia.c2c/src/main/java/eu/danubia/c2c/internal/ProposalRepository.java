package eu.danubia.c2c.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.danubia.api.security.Caller;
import eu.danubia.store.Jdbc;
import eu.danubia.store.Where;

/** SQL of the partnership proposals. */
final class ProposalRepository {

    private static final String COLUMNS = "id, type, status, title, message, start_on, end_on, from_cluster_id, "
            + "from_cluster_name, from_association_id, from_organisation_id, to_cluster_id, to_cluster_name, "
            + "to_association_id, to_organisation_id, proposer_user_id, proposer_email, answered_by, answered_email, "
            + "created_at, updated_at, answered_at, started_at, ended_at";

    Optional<StoredProposal> find(Connection c, UUID id) throws SQLException {
        if (id == null) {
            return Optional.empty();
        }
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM c2c_proposals WHERE id = ?", ProposalRepository::row, id);
    }

    void insert(Connection c, StoredProposal p) throws SQLException {
        Jdbc.update(c, "INSERT INTO c2c_proposals (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p.id(), p.type(), p.status(), p.title(), p.message(), p.startOn(),
                p.endOn(), p.from().clusterId(), p.from().clusterName(), p.from().associationId(),
                p.from().organisationId(), p.to().clusterId(), p.to().clusterName(), p.to().associationId(),
                p.to().organisationId(), p.proposerUserId(), p.proposerEmail(), p.answeredBy(), p.answeredEmail(),
                p.createdAt(), p.updatedAt(), p.answeredAt(), p.startedAt(), p.endedAt());
    }

    /** True when an open proposal of this type exists between the two clusters, in either direction. */
    boolean openExists(Connection c, UUID clusterA, UUID clusterB, ProposalType type) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM c2c_proposals WHERE type = ? AND status IN (?, ?, ?) AND "
                + "((from_cluster_id = ? AND to_cluster_id = ?) OR (from_cluster_id = ? AND to_cluster_id = ?))", type,
                ProposalStatus.PROPOSED, ProposalStatus.ACCEPTED, ProposalStatus.ACTIVE, clusterA, clusterB, clusterB,
                clusterA) > 0;
    }

    /** Moves a proposal from one status to the next; false when it moved meanwhile. */
    boolean move(Connection c, UUID id, ProposalStatus from, ProposalStatus to, Caller caller, Instant now)
            throws SQLException {
        String stamp = switch (to) {
            case ACCEPTED, DECLINED -> ", answered_at = ?, answered_by = ?, answered_email = ?";
            case ACTIVE -> ", started_at = ?";
            case ENDED, WITHDRAWN -> ", ended_at = ?";
            default -> "";
        };
        List<Object> params = new ArrayList<>(List.of(to, now));
        if (to == ProposalStatus.ACCEPTED || to == ProposalStatus.DECLINED) {
            params.add(now);
            params.add(caller.userId());
            params.add(caller.email());
        } else if (!stamp.isEmpty()) {
            params.add(now);
        }
        params.add(id);
        params.add(from);
        return Jdbc.update(c, "UPDATE c2c_proposals SET status = ?, updated_at = ?" + stamp
                + " WHERE id = ? AND status = ?", params.toArray()) == 1;
    }

    /**
     * The proposals the caller sees in one box, newest first: IN = to its association's clusters,
     * OUT = from them; platform admins see every proposal in both.
     */
    List<StoredProposal> box(Connection c, Caller caller, Proposal.Box box) throws SQLException {
        Where w = new Where();
        if (!caller.isPlatformAdmin()) {
            String column = box == Proposal.Box.IN ? "to_association_id" : "from_association_id";
            w.and(column + " = ?", caller.associationId());
        }
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM c2c_proposals" + w.sql() + " ORDER BY created_at DESC, id",
                ProposalRepository::row, w.params());
    }

    /** Proposals in which one of these organisations manages either cluster, oldest first. */
    List<StoredProposal> involving(Connection c, Collection<UUID> organisationIds) throws SQLException {
        List<UUID> ids = organisationIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        List<StoredProposal> out = new ArrayList<>();
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        for (int from = 0; from < ids.size(); from += ProfileRepository.IN_CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + ProfileRepository.IN_CHUNK));
            String in = ProfileRepository.placeholders(chunk.size());
            Object[] params = new Object[chunk.size() * 2];
            for (int k = 0; k < chunk.size(); k++) {
                params[k] = chunk.get(k);
                params[chunk.size() + k] = chunk.get(k);
            }
            for (StoredProposal p : Jdbc.query(c, "SELECT " + COLUMNS + " FROM c2c_proposals WHERE from_organisation_id IN ("
                    + in + ") OR to_organisation_id IN (" + in + ") ORDER BY created_at, id", ProposalRepository::row,
                    params)) {
                if (seen.add(p.id())) {
                    out.add(p);
                }
            }
        }
        out.sort(java.util.Comparator.comparing(StoredProposal::createdAt).thenComparing(StoredProposal::id));
        return out;
    }

    /** Proposals of these clusters (either side), newest change first. */
    List<StoredProposal> ofClusters(Connection c, Collection<UUID> clusterIds, int limit) throws SQLException {
        if (clusterIds.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = clusterIds.stream().distinct().limit(ProfileRepository.IN_CHUNK).toList();
        String in = ProfileRepository.placeholders(ids.size());
        List<Object> params = new ArrayList<>(ids);
        params.addAll(ids);
        params.add(limit);
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM c2c_proposals WHERE from_cluster_id IN (" + in
                + ") OR to_cluster_id IN (" + in + ") ORDER BY updated_at DESC, id LIMIT ?", ProposalRepository::row,
                params.toArray());
    }

    private static StoredProposal row(ResultSet rs) throws SQLException {
        return new StoredProposal(Jdbc.uuid(rs, "id"), Jdbc.enumValue(rs, "type", ProposalType.class),
                Jdbc.enumValue(rs, "status", ProposalStatus.class), rs.getString("title"), rs.getString("message"),
                Jdbc.date(rs, "start_on"), Jdbc.date(rs, "end_on"),
                new StoredProposal.Side(Jdbc.uuid(rs, "from_cluster_id"), rs.getString("from_cluster_name"),
                        Jdbc.uuid(rs, "from_association_id"), Jdbc.uuid(rs, "from_organisation_id")),
                new StoredProposal.Side(Jdbc.uuid(rs, "to_cluster_id"), rs.getString("to_cluster_name"),
                        Jdbc.uuid(rs, "to_association_id"), Jdbc.uuid(rs, "to_organisation_id")),
                Jdbc.uuid(rs, "proposer_user_id"), rs.getString("proposer_email"), Jdbc.uuid(rs, "answered_by"),
                rs.getString("answered_email"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"),
                Jdbc.instant(rs, "answered_at"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "ended_at"));
    }
}
