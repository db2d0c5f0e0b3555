package eu.danubia.security.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One audit log entry as admins read it.
 *
 * @param userId who acted; {@code null} for anonymous actions such as failed logins
 * @param associationId the tenant the action concerns
 * @param target the kind and id of the record acted on, e.g. {@code user:3f2c...}
 */
public record AuditEntry(long id, Instant at, UUID userId, UUID associationId, String action, String target) {
}
