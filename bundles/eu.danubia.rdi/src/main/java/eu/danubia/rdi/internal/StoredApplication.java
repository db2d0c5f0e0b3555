package eu.danubia.rdi.internal;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code rdi_applications}. */
record StoredApplication(UUID id, UUID ideaId, UUID roleId, UUID applicantOrganisationId, UUID applicantAssociationId,
        String applicantCountry, UUID applicantUserId, String applicantEmail, String message, ApplicationStatus status,
        Instant createdAt, Instant answeredAt) {
}
