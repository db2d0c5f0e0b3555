package eu.danubia.b2b.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import eu.danubia.api.cooperation.ProfileStatus;

/** A profile row with everything, including the data that only some callers may see. */
record StoredProfile(
        UUID id,
        ProfileStatus status,
        ProfileContent content,
        String country,
        UUID organisationId,
        UUID associationId,
        UUID ownerUserId,
        String ownerEmail,
        String moderationComment,
        boolean expiryNotified,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt) {

    ProfileType type() {
        return content.type();
    }

    String title() {
        return content.title();
    }

    /** Technology and market keywords together. */
    List<String> keywords() {
        List<String> all = new ArrayList<>(content.technologyKeywords());
        all.addAll(content.marketKeywords());
        return all;
    }
}
