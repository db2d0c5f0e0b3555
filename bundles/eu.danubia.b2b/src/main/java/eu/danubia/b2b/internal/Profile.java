package eu.danubia.b2b.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import eu.danubia.api.cooperation.ProfileStatus;

/**
 * A profile as one caller sees it. {@code owner} is null ("anonymous", as EEN publishes) unless the
 * caller is on the owner's side or its organisation's interest was accepted; {@code moderationComment}
 * is shown to the owner's side only.
 *
 * @param mine the caller's organisation owns the profile
 * @param country the owner organisation's country, always shown
 */
public record Profile(
        UUID id,
        ProfileType type,
        ProfileStatus status,
        String title,
        String summary,
        String description,
        String innovation,
        Stage stage,
        Ipr ipr,
        List<String> technologyKeywords,
        List<String> marketKeywords,
        List<String> naceCodes,
        PartnerSought partnerSought,
        List<PartnershipType> partnershipTypes,
        List<String> targetCountries,
        String country,
        LocalDate expiresOn,
        String language,
        String moderationComment,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        boolean mine,
        Owner owner) {

    /** Who publishes the profile and whom to contact: personal data, revealed per the privacy rule. */
    public record Owner(UUID organisationId, String organisationName, UUID associationId, String contactName,
            String contactEmail, String contactPhone) {
    }
}
