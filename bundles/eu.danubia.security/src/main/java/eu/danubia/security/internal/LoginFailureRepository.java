package eu.danubia.security.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import eu.danubia.store.Jdbc;

/** SQL for {@code login_failures}: one row per failed attempt and key (a hashed email or client address). */
final class LoginFailureRepository {

    private LoginFailureRepository() {
    }

    /** The newest failures for the key after {@code since}, newest first, at most {@code limit}. */
    static List<Instant> recent(Connection c, String keyHash, Instant since, int limit) throws SQLException {
        return Jdbc.query(c, "SELECT at FROM login_failures WHERE key_hash = ? AND at > ? ORDER BY at DESC LIMIT ?",
                rs -> Jdbc.instant(rs, "at"), keyHash, since, limit);
    }

    static void add(Connection c, String keyHash, Instant at) throws SQLException {
        Jdbc.update(c, "INSERT INTO login_failures (key_hash, at) VALUES (?, ?)", keyHash, at);
    }

    static void clear(Connection c, String keyHash) throws SQLException {
        Jdbc.update(c, "DELETE FROM login_failures WHERE key_hash = ?", keyHash);
    }

    /** Removes failures too old to count, so the table holds no address longer than the window. */
    static void purge(Connection c, Instant before) throws SQLException {
        Jdbc.update(c, "DELETE FROM login_failures WHERE at <= ?", before);
    }
}
