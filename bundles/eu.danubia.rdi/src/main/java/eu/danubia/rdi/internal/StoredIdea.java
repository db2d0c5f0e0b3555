package eu.danubia.rdi.internal;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code rdi_ideas}, as stored; never sent as is. */
record StoredIdea(UUID id, UUID associationId, UUID organisationId, String country, String title, String summary,
        String callCode, IdeaStatus status, IdeaVisibility visibility, UUID ownerUserId, String ownerEmail,
        Instant createdAt, Instant updatedAt, Instant publishedAt) {
}
