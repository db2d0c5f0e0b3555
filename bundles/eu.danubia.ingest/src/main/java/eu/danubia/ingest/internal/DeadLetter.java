package eu.danubia.ingest.internal;

import java.time.Instant;

/**
 * A rejected piece of input, for an operator to find in the source and fix.
 *
 * @param rejectedAt when it was last rejected for this payload and reason
 */
public record DeadLetter(long id, String source, String sourcePosition, String payload, String reason, Instant rejectedAt) {
}
