package eu.danubia.api.notification;

import java.util.UUID;

/**
 * One message to one user.
 *
 * @param kind a stable name for the kind of event, e.g. {@code b2b.interest.received}
 * @param email where the e-mail goes; {@code null} for in-app only
 * @param link a path in the web shell the message points to, e.g. {@code #/b2b/profiles/<id>}
 */
public record Notification(UUID userId, UUID associationId, String email, String kind, String subject, String text,
        String link) {
}
