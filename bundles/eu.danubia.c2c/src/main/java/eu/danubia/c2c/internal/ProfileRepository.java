package eu.danubia.c2c.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.danubia.api.Visibility;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Jdbc;
import eu.danubia.store.TenantScope;
import eu.danubia.store.Where;

/** SQL of the cluster profiles and their list fields. Reads are tenant-scoped by the profile's visibility. */
final class ProfileRepository {

    static final int IN_CHUNK = 500;

    private static final String COLUMNS = "p.cluster_id, p.association_id, p.visibility, p.strategic_interests, "
            + "p.updated_by, p.created_at, p.updated_at";

    enum Field {
        VALUE_CHAIN, SERVICE, EMERGING, LANGUAGE
    }

    /** The profile whatever its visibility: for writers and for the checks before a write. */
    Optional<StoredProfile> find(Connection c, UUID clusterId) throws SQLException {
        List<StoredProfile> rows = select(c, new Where().and("p.cluster_id = ?", clusterId));
        return rows.stream().findFirst();
    }

    /** The profiles of these clusters the caller may read (PUBLIC, or of its association), by cluster id. */
    Map<UUID, StoredProfile> readable(Connection c, Caller caller, Collection<UUID> clusterIds) throws SQLException {
        List<UUID> ids = clusterIds.stream().distinct().toList();
        Map<UUID, StoredProfile> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            Where w = new Where().and("p.cluster_id IN (" + placeholders(chunk.size()) + ")", chunk.toArray())
                    .and(TenantScope.readable(caller, "p.association_id", "p.visibility"));
            for (StoredProfile p : select(c, w)) {
                out.put(p.clusterId(), p);
            }
        }
        return out;
    }

    void upsert(Connection c, StoredProfile p) throws SQLException {
        int updated = Jdbc.update(c, "UPDATE c2c_profiles SET association_id = ?, visibility = ?, strategic_interests = ?, "
                + "updated_by = ?, updated_at = ? WHERE cluster_id = ?", p.associationId(), p.visibility(),
                p.strategicInterests(), p.updatedBy(), p.updatedAt(), p.clusterId());
        if (updated == 0) {
            Jdbc.update(c, "INSERT INTO c2c_profiles (cluster_id, association_id, visibility, strategic_interests, "
                    + "updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", p.clusterId(),
                    p.associationId(), p.visibility(), p.strategicInterests(), p.updatedBy(), p.createdAt(),
                    p.updatedAt());
        }
        Jdbc.update(c, "DELETE FROM c2c_profile_values WHERE cluster_id = ?", p.clusterId());
        insertValues(c, p.clusterId(), Field.VALUE_CHAIN, p.valueChains());
        insertValues(c, p.clusterId(), Field.SERVICE, p.services());
        insertValues(c, p.clusterId(), Field.EMERGING, p.emergingIndustries().stream().map(Enum::name).toList());
        insertValues(c, p.clusterId(), Field.LANGUAGE, p.languages());
    }

    private static void insertValues(Connection c, UUID clusterId, Field field, List<String> values) throws SQLException {
        int position = 0;
        for (String v : values) {
            Jdbc.update(c, "INSERT INTO c2c_profile_values (cluster_id, field, position, val) VALUES (?, ?, ?, ?)",
                    clusterId, field, position++, v);
        }
    }

    private static List<StoredProfile> select(Connection c, Where w) throws SQLException {
        List<Row> rows = Jdbc.query(c, "SELECT " + COLUMNS + " FROM c2c_profiles p" + w.sql(), ProfileRepository::row,
                w.params());
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Map<Field, List<String>>> values = new HashMap<>();
        List<UUID> ids = rows.stream().map(Row::clusterId).toList();
        Jdbc.query(c, "SELECT cluster_id, field, val FROM c2c_profile_values WHERE cluster_id IN ("
                + placeholders(ids.size()) + ") ORDER BY cluster_id, field, position", rs -> {
                    values.computeIfAbsent(Jdbc.uuid(rs, "cluster_id"), k -> new HashMap<>())
                            .computeIfAbsent(Jdbc.enumValue(rs, "field", Field.class), k -> new ArrayList<>())
                            .add(rs.getString("val"));
                    return null;
                }, ids.toArray());
        List<StoredProfile> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Map<Field, List<String>> v = values.getOrDefault(r.clusterId, Map.of());
            List<EmergingIndustry> emerging = new ArrayList<>();
            for (String name : v.getOrDefault(Field.EMERGING, List.of())) {
                try {
                    emerging.add(EmergingIndustry.valueOf(name));
                } catch (IllegalArgumentException dropped) {
                    // a value a later version removed from the list: not shown
                }
            }
            out.add(new StoredProfile(r.clusterId, r.associationId, r.visibility, v.getOrDefault(Field.VALUE_CHAIN, List.of()),
                    v.getOrDefault(Field.SERVICE, List.of()), r.strategicInterests, emerging,
                    v.getOrDefault(Field.LANGUAGE, List.of()), r.updatedBy, r.createdAt, r.updatedAt));
        }
        return out;
    }

    private record Row(UUID clusterId, UUID associationId, Visibility visibility, String strategicInterests,
            UUID updatedBy, java.time.Instant createdAt, java.time.Instant updatedAt) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(Jdbc.uuid(rs, "cluster_id"), Jdbc.uuid(rs, "association_id"),
                Jdbc.enumValue(rs, "visibility", Visibility.class), rs.getString("strategic_interests"),
                Jdbc.uuid(rs, "updated_by"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
