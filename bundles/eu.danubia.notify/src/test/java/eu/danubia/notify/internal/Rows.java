package eu.danubia.notify.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;

/** Reads the tables directly, to check what was stored independently of the code under test. */
final class Rows {

    record Outbox(UUID id, UUID notificationId, String recipient, String subject, String body, int attempts,
            Instant nextAttemptAt, Instant sentAt, String lastError) {
    }

    private Rows() {
    }

    static long notifications(Database db) {
        return db.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM notifications"));
    }

    static List<UUID> notificationIds(Database db, UUID userId) {
        return db.read(c -> Jdbc.query(c, "SELECT id FROM notifications WHERE user_id = ? ORDER BY created_at",
                rs -> Jdbc.uuid(rs, "id"), userId));
    }

    static List<Outbox> outbox(Database db) {
        return db.read(c -> Jdbc.query(c, "SELECT * FROM mail_outbox ORDER BY recipient",
                rs -> new Outbox(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "notification_id"), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attempts"),
                        Jdbc.instant(rs, "next_attempt_at"), Jdbc.instant(rs, "sent_at"), rs.getString("last_error"))));
    }

    static Outbox onlyOutbox(Database db) {
        List<Outbox> rows = outbox(db);
        if (rows.size() != 1) {
            throw new AssertionError("expected one outbox row, got " + rows);
        }
        return rows.get(0);
    }
}
