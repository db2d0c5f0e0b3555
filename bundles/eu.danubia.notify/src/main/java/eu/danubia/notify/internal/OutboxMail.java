package eu.danubia.notify.internal;

import java.util.UUID;

/** A mail waiting in the outbox; {@code attempts} is the number of tries made so far. */
record OutboxMail(UUID id, String recipient, String subject, String body, int attempts) {
}
