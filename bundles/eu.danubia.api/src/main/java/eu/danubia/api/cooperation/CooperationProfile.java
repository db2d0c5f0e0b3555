package eu.danubia.api.cooperation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A published (or draft) offer or request of a cooperation mode, in the form every mode shares
 * with the matching engine and the indicators. Mode-specific fields stay in the mode.
 *
 * @param mode the {@link CooperationMode#id()} that owns the profile
 * @param type the mode's profile type, e.g. {@code BUSINESS_OFFER}
 */
public record CooperationProfile(
        UUID id,
        String mode,
        String type,
        Direction direction,
        ProfileStatus status,
        UUID associationId,
        UUID organisationId,
        String title,
        String summary,
        List<String> keywords,
        List<String> naceCodes,
        String country,
        List<String> targetCountries,
        LocalDate expiresOn,
        Instant updatedAt) {

    public CooperationProfile {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        naceCodes = naceCodes == null ? List.of() : List.copyOf(naceCodes);
        targetCountries = targetCountries == null ? List.of() : List.copyOf(targetCountries);
    }
}
