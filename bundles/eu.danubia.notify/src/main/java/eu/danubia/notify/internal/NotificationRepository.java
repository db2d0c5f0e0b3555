package eu.danubia.notify.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eu.danubia.api.Page;
import eu.danubia.api.PageRequest;
import eu.danubia.api.notification.Notification;
import eu.danubia.store.Jdbc;

/** SQL of the notifications and the mail outbox. Every inbox query is bound to one user id. */
final class NotificationRepository {

    private static final String ITEM_COLUMNS = "id, kind, subject, text, link, created_at, read_at";

    void insert(Connection c, UUID id, Notification n, String subject, Instant now) throws SQLException {
        Jdbc.update(c, "INSERT INTO notifications (id, user_id, association_id, kind, subject, text, link, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                id, n.userId(), n.associationId(), n.kind(), subject, n.text(), n.link(), now);
    }

    void insertOutbox(Connection c, UUID id, UUID notificationId, String recipient, String subject, String body,
            Instant due) throws SQLException {
        Jdbc.update(c, "INSERT INTO mail_outbox (id, notification_id, recipient, subject, body, attempts, next_attempt_at) "
                + "VALUES (?, ?, ?, ?, ?, 0, ?)", id, notificationId, recipient, subject, body, due);
    }

    Page<InboxItem> list(Connection c, UUID userId, boolean unreadOnly, PageRequest page) throws SQLException {
        String where = " WHERE user_id = ?" + (unreadOnly ? " AND read_at IS NULL" : "");
        long total = Jdbc.count(c, "SELECT COUNT(*) FROM notifications" + where, userId);
        List<InboxItem> items = Jdbc.query(c, "SELECT " + ITEM_COLUMNS + " FROM notifications" + where
                + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                NotificationRepository::item, userId, page.size(), page.offset());
        return new Page<>(items, page.page(), page.size(), total);
    }

    long unread(Connection c, UUID userId) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL", userId);
    }

    /** False when the user has no notification with that id. */
    boolean markRead(Connection c, UUID userId, UUID id, Instant now) throws SQLException {
        if (Jdbc.update(c, "UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL",
                now, id, userId) > 0) {
            return true;
        }
        return Jdbc.count(c, "SELECT COUNT(*) FROM notifications WHERE id = ? AND user_id = ?", id, userId) > 0;
    }

    int markAllRead(Connection c, UUID userId, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL", now, userId);
    }

    /** Mails due now, oldest due first; given-up and sent ones have no due time or a sent time. */
    List<OutboxMail> due(Connection c, Instant now, int max) throws SQLException {
        return Jdbc.query(c, "SELECT id, recipient, subject, body, attempts FROM mail_outbox "
                + "WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
                rs -> new OutboxMail(Jdbc.uuid(rs, "id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), rs.getInt("attempts")),
                now, max);
    }

    /**
     * Takes a due mail for one delivery attempt: counts the attempt and pushes its due time out by
     * the lease, so that a second sender (another node, or a run after a crash mid-send) does not
     * send it at the same time. False when someone else took it first.
     */
    boolean claim(Connection c, OutboxMail mail, Instant leaseUntil) throws SQLException {
        return Jdbc.update(c, "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ? "
                + "WHERE id = ? AND attempts = ? AND sent_at IS NULL AND next_attempt_at IS NOT NULL",
                leaseUntil, mail.id(), mail.attempts()) == 1;
    }

    void sent(Connection c, UUID id, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE mail_outbox SET sent_at = ?, next_attempt_at = NULL WHERE id = ?", now, id);
    }

    /** Records a failed attempt; {@code next} null means no further attempt. */
    void failed(Connection c, UUID id, String error, Instant next) throws SQLException {
        Jdbc.update(c, "UPDATE mail_outbox SET last_error = ?, next_attempt_at = ? WHERE id = ?", error, next, id);
    }

    private static InboxItem item(ResultSet rs) throws SQLException {
        return new InboxItem(Jdbc.uuid(rs, "id"), rs.getString("kind"), rs.getString("subject"), rs.getString("text"),
                rs.getString("link"), Jdbc.instant(rs, "created_at"), rs.getTimestamp("read_at") != null);
    }
}
