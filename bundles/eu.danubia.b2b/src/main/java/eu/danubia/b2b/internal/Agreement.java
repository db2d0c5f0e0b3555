package eu.danubia.b2b.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A partnership agreement reported by one party of an accepted interest. */
public record Agreement(UUID id, UUID interestId, UUID profileId, String profileTitle, AgreementType type,
        String description, LocalDate signedOn, Instant createdAt) {
}
