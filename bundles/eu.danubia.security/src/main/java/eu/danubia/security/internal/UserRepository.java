package eu.danubia.security.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.security.Role;
import eu.danubia.store.Jdbc;
import eu.danubia.store.Where;

/** SQL for {@code users}. Roles are stored as comma-separated role ids ({@code platform-admin,member}). */
final class UserRepository {

    private static final Logger LOG = LoggerFactory.getLogger(UserRepository.class);
    private static final String COLUMNS = "id, association_id, organisation_id, email, name, password_hash, roles, "
            + "active, created_at, password_changed_at";

    private UserRepository() {
    }

    static Optional<UserRecord> byId(Connection c, UUID id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM users WHERE id = ?", UserRepository::map, id);
    }

    static Optional<UserRecord> byEmail(Connection c, String normalizedEmail) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM users WHERE email = ?", UserRepository::map, normalizedEmail);
    }

    static List<UserRecord> list(Connection c, Where where) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM users" + where.sql() + " ORDER BY email",
                UserRepository::map, where.params());
    }

    static void insert(Connection c, UserRecord u) throws SQLException {
        Jdbc.update(c, "INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                u.id(), u.associationId(), u.organisationId(), u.email(), u.name(), u.passwordHash(),
                encodeRoles(u.roles()), u.active(), u.createdAt(), u.passwordChangedAt());
    }

    static void updatePassword(Connection c, UUID id, String passwordHash, Instant changedAt) throws SQLException {
        Jdbc.update(c, "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?",
                passwordHash, changedAt, id);
    }

    /** Replaces a hash made with older parameters; the change date stays, the password did not change. */
    static void rehash(Connection c, UUID id, String passwordHash) throws SQLException {
        Jdbc.update(c, "UPDATE users SET password_hash = ? WHERE id = ?", passwordHash, id);
    }

    static boolean activePlatformAdminExists(Connection c) throws SQLException {
        // role ids never contain one another, so a substring match on the list is exact
        return Jdbc.count(c, "SELECT COUNT(*) FROM users WHERE active = TRUE AND roles LIKE ?",
                "%" + Role.PLATFORM_ADMIN.id() + "%") > 0;
    }

    static String encodeRoles(Set<Role> roles) {
        return roles.stream().sorted(Comparator.naturalOrder()).map(Role::id).collect(Collectors.joining(","));
    }

    static Set<Role> decodeRoles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (text == null) {
            return roles;
        }
        for (String id : text.split(",")) {
            if (id.isBlank()) {
                continue;
            }
            try {
                roles.add(Role.ofId(id));
            } catch (IllegalArgumentException e) {
                // a role removed from the code grants nothing; the user keeps the others
                LOG.warn("ignoring unknown role '{}' stored for a user", id.trim());
            }
        }
        return roles;
    }

    private static UserRecord map(ResultSet rs) throws SQLException {
        return new UserRecord(
                Jdbc.uuid(rs, "id"),
                Jdbc.uuid(rs, "association_id"),
                Jdbc.uuid(rs, "organisation_id"),
                rs.getString("email"),
                rs.getString("name"),
                rs.getString("password_hash"),
                decodeRoles(rs.getString("roles")),
                rs.getBoolean("active"),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "password_changed_at"));
    }
}
