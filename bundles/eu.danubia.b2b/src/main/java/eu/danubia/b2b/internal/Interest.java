package eu.danubia.b2b.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * An expression of interest as one side sees it. {@code counterpart} (the other side's organisation
 * and contact) stays null until the owner accepted.
 *
 * @param direction INBOX for the profile owner's side, OUTBOX for the sender's side
 */
public record Interest(UUID id, UUID profileId, String profileTitle, InterestStatus status, String message,
        Instant createdAt, Instant answeredAt, Box direction, Counterpart counterpart) {

    public enum Box {
        INBOX, OUTBOX
    }

    /** The other side: for the owner the sender organisation and user, for the sender the profile's owner and contact. */
    public record Counterpart(UUID organisationId, String organisationName, String contactName, String contactEmail) {
    }
}
