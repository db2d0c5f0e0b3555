package eu.danubia.security.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import eu.danubia.store.Jdbc;

/** SQL for {@code sessions}, keyed by the SHA-256 of the token. */
final class SessionRepository {

    record SessionRow(String tokenHash, UUID userId, String csrfToken, Instant createdAt, Instant expiresAt,
            Instant lastSeenAt) {
    }

    private SessionRepository() {
    }

    static void insert(Connection c, SessionRow s) throws SQLException {
        Jdbc.update(c, "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)",
                s.tokenHash(), s.userId(), s.csrfToken(), s.createdAt(), s.expiresAt(), s.lastSeenAt());
    }

    static Optional<SessionRow> find(Connection c, String tokenHash) throws SQLException {
        return Jdbc.one(c, "SELECT token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at "
                + "FROM sessions WHERE token_hash = ?",
                rs -> new SessionRow(rs.getString("token_hash"), Jdbc.uuid(rs, "user_id"), rs.getString("csrf_token"),
                        Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "expires_at"), Jdbc.instant(rs, "last_seen_at")),
                tokenHash);
    }

    static void touch(Connection c, String tokenHash, Instant now, Instant expiresAt) throws SQLException {
        Jdbc.update(c, "UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?", now, expiresAt, tokenHash);
    }

    static int delete(Connection c, String tokenHash) throws SQLException {
        return Jdbc.update(c, "DELETE FROM sessions WHERE token_hash = ?", tokenHash);
    }

    static int deleteForUser(Connection c, UUID userId) throws SQLException {
        return Jdbc.update(c, "DELETE FROM sessions WHERE user_id = ?", userId);
    }

    static int purgeExpired(Connection c, Instant now) throws SQLException {
        return Jdbc.update(c, "DELETE FROM sessions WHERE expires_at <= ?", now);
    }
}
