package eu.danubia.b2b.internal;

import java.time.Instant;
import java.util.UUID;

/** An interest row, with the sender's contact that only the owner's side sees, and only once accepted. */
record StoredInterest(UUID id, UUID profileId, UUID senderOrganisationId, UUID senderAssociationId, UUID senderUserId,
        String senderName, String senderEmail, String message, InterestStatus status, Instant createdAt,
        Instant answeredAt) {
}
