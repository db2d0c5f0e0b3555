package eu.danubia.security.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.danubia.api.Association;
import eu.danubia.store.Jdbc;

/** SQL for the core {@code associations} table, which this module manages. */
final class AssociationRepository {

    private static final String COLUMNS = "id, slug, name, country, website, created_at";

    private AssociationRepository() {
    }

    static List<Association> all(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM associations ORDER BY name, slug", AssociationRepository::map);
    }

    static Optional<Association> byId(Connection c, UUID id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM associations WHERE id = ?", AssociationRepository::map, id);
    }

    static Optional<Association> bySlug(Connection c, String slug) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM associations WHERE slug = ?", AssociationRepository::map, slug);
    }

    static void insert(Connection c, Association a) throws SQLException {
        Jdbc.update(c, "INSERT INTO associations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                a.id(), a.slug(), a.name(), a.country(), a.website(), a.createdAt());
    }

    private static Association map(ResultSet rs) throws SQLException {
        return new Association(Jdbc.uuid(rs, "id"), rs.getString("slug"), rs.getString("name"),
                rs.getString("country"), rs.getString("website"), Jdbc.instant(rs, "created_at"));
    }
}
