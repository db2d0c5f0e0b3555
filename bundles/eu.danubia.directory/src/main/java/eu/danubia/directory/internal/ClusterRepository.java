package eu.danubia.directory.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.danubia.api.Cluster;
import eu.danubia.api.Membership;
import eu.danubia.api.Page;
import eu.danubia.api.PageRequest;
import eu.danubia.api.Visibility;
import eu.danubia.api.directory.DirectoryService.ClusterFilter;
import eu.danubia.api.security.Caller;
import eu.danubia.store.Jdbc;
import eu.danubia.store.TenantScope;
import eu.danubia.store.Where;

/**
 * SQL of clusters, their sectors and members. Reads are tenant-scoped, and so is what a cluster
 * reveals about organisations: its managing organisation and member count only cover
 * organisations the caller may read.
 */
final class ClusterRepository {

    private static final String COLUMNS = "c.id, c.association_id, c.name, c.country, c.nuts_code, c.description, "
            + "c.website, c.visibility, c.created_at, c.updated_at";

    Optional<Cluster> find(Connection c, Caller caller, UUID id) throws SQLException {
        Where w = new Where().and("c.id = ?", id).and(TenantScope.readable(caller, "c.association_id", "c.visibility"));
        return select(c, caller, w, "").stream().findFirst();
    }

    Page<Cluster> list(Connection c, Caller caller, ClusterFilter f, PageRequest page) throws SQLException {
        Where w = new Where().and(TenantScope.readable(caller, "c.association_id", "c.visibility"));
        if (f.text() != null) {
            String like = Jdbc.likeContains(f.text());
            w.and("lower(c.name) LIKE ? ESCAPE '\\' OR lower(c.description) LIKE ? ESCAPE '\\'", like, like);
        }
        w.andIf(f.country() != null, "c.country = ?", f.country())
                .andIf(f.associationId() != null, "c.association_id = ?", f.associationId());
        if (f.nace() != null) {
            w.and("EXISTS (SELECT 1 FROM cluster_sectors s WHERE s.cluster_id = c.id AND s.code LIKE ? ESCAPE '\\')",
                    Sql.likePrefix(f.nace()));
        }
        long total = Jdbc.count(c, "SELECT COUNT(*) FROM clusters c" + w.sql(), w.params());
        List<Cluster> rows = total == 0 ? List.of()
                : select(c, caller, w, " ORDER BY lower(c.name), c.id LIMIT ? OFFSET ?", page.size(), page.offset());
        return new Page<>(rows, page.page(), page.size(), total);
    }

    /** Readable clusters the organisation is a member of. */
    List<Cluster> ofOrganisation(Connection c, Caller caller, UUID organisationId) throws SQLException {
        Where w = new Where()
                .and("EXISTS (SELECT 1 FROM cluster_members x WHERE x.cluster_id = c.id AND x.organisation_id = ?)", organisationId)
                .and(TenantScope.readable(caller, "c.association_id", "c.visibility"));
        return select(c, caller, w, " ORDER BY lower(c.name), c.id");
    }

    /** Members the caller may read, by name. */
    List<Membership> members(Connection c, Caller caller, UUID clusterId) throws SQLException {
        Where w = new Where().and("m.cluster_id = ?", clusterId)
                .and(TenantScope.readable(caller, "o.association_id", "o.visibility"));
        return Jdbc.query(c, "SELECT m.cluster_id, m.organisation_id, o.name, m.since FROM cluster_members m "
                + "JOIN organisations o ON o.id = m.organisation_id" + w.sql() + " ORDER BY lower(o.name), o.id",
                rs -> new Membership(Jdbc.uuid(rs, "cluster_id"), Jdbc.uuid(rs, "organisation_id"), rs.getString("name"),
                        Jdbc.date(rs, "since")),
                w.params());
    }

    void insert(Connection c, Cluster k) throws SQLException {
        Jdbc.update(c, "INSERT INTO clusters (id, association_id, name, managing_organisation_id, country, nuts_code, "
                + "description, website, visibility, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                k.id(), k.associationId(), k.name(), k.managingOrganisationId(), k.country(), k.nutsCode(),
                k.description(), k.website(), k.visibility(), k.createdAt(), k.updatedAt());
        insertSectors(c, k);
    }

    void update(Connection c, Cluster k) throws SQLException {
        Jdbc.update(c, "UPDATE clusters SET association_id = ?, name = ?, managing_organisation_id = ?, country = ?, "
                + "nuts_code = ?, description = ?, website = ?, visibility = ?, updated_at = ? WHERE id = ?",
                k.associationId(), k.name(), k.managingOrganisationId(), k.country(), k.nutsCode(), k.description(),
                k.website(), k.visibility(), k.updatedAt(), k.id());
        Jdbc.update(c, "DELETE FROM cluster_sectors WHERE cluster_id = ?", k.id());
        insertSectors(c, k);
    }

    /** The stored managing organisation, whether or not the caller may read it. */
    Optional<UUID> managingOrganisation(Connection c, UUID clusterId) throws SQLException {
        return Jdbc.one(c, "SELECT managing_organisation_id FROM clusters WHERE id = ?",
                rs -> Jdbc.uuid(rs, "managing_organisation_id"), clusterId);
    }

    /** Adds the membership, or changes its start date when {@code since} is given. */
    void putMember(Connection c, UUID clusterId, UUID organisationId, LocalDate since) throws SQLException {
        long present = Jdbc.count(c, "SELECT COUNT(*) FROM cluster_members WHERE cluster_id = ? AND organisation_id = ?",
                clusterId, organisationId);
        if (present == 0) {
            Jdbc.update(c, "INSERT INTO cluster_members (cluster_id, organisation_id, since) VALUES (?, ?, ?)",
                    clusterId, organisationId, since);
        } else if (since != null) {
            Jdbc.update(c, "UPDATE cluster_members SET since = ? WHERE cluster_id = ? AND organisation_id = ?",
                    since, clusterId, organisationId);
        }
    }

    int removeMember(Connection c, UUID clusterId, UUID organisationId) throws SQLException {
        return Jdbc.update(c, "DELETE FROM cluster_members WHERE cluster_id = ? AND organisation_id = ?",
                clusterId, organisationId);
    }

    private static void insertSectors(Connection c, Cluster k) throws SQLException {
        int position = 0;
        for (String code : k.sectors()) {
            Jdbc.update(c, "INSERT INTO cluster_sectors (cluster_id, code, position) VALUES (?, ?, ?)",
                    k.id(), code, position++);
        }
    }

    /**
     * Clusters matching the condition, each with its readable managing organisation and readable
     * member count, then their sectors in one more query.
     */
    private static List<Cluster> select(Connection c, Caller caller, Where where, String tail, Object... tailParams)
            throws SQLException {
        Where manager = new Where().and("m.id = c.managing_organisation_id")
                .and(TenantScope.readable(caller, "m.association_id", "m.visibility"));
        Where members = new Where().and("x.cluster_id = c.id")
                .and(TenantScope.readable(caller, "mo.association_id", "mo.visibility"));
        String sql = "SELECT " + COLUMNS
                + ", (SELECT m.id FROM organisations m" + manager.sql() + ") AS managing_organisation_id"
                + ", (SELECT COUNT(*) FROM cluster_members x JOIN organisations mo ON mo.id = x.organisation_id"
                + members.sql() + ") AS member_count"
                + " FROM clusters c" + where.sql() + tail;
        List<Cluster> rows = Jdbc.query(c, sql, ClusterRepository::row,
                Sql.params(manager.params(), members.params(), where.params(), tailParams));
        return withSectors(c, rows);
    }

    private static List<Cluster> withSectors(Connection c, List<Cluster> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        Object[] ids = rows.stream().map(Cluster::id).toArray();
        Map<UUID, List<String>> sectors = new HashMap<>();
        Jdbc.query(c, "SELECT cluster_id, code FROM cluster_sectors WHERE cluster_id IN (" + Sql.placeholders(ids.length)
                + ") ORDER BY cluster_id, position", rs -> sectors
                        .computeIfAbsent(Jdbc.uuid(rs, "cluster_id"), k -> new ArrayList<>()).add(rs.getString("code")),
                ids);
        List<Cluster> out = new ArrayList<>(rows.size());
        for (Cluster k : rows) {
            out.add(new Cluster(k.id(), k.associationId(), k.name(), k.managingOrganisationId(), k.country(), k.nutsCode(),
                    sectors.get(k.id()), k.description(), k.website(), k.visibility(), k.memberCount(), k.createdAt(),
                    k.updatedAt()));
        }
        return out;
    }

    private static Cluster row(ResultSet rs) throws SQLException {
        return new Cluster(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "association_id"), rs.getString("name"),
                Jdbc.uuid(rs, "managing_organisation_id"), rs.getString("country"), rs.getString("nuts_code"), List.of(),
                rs.getString("description"), rs.getString("website"), Jdbc.enumValue(rs, "visibility", Visibility.class),
                rs.getInt("member_count"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }
}
