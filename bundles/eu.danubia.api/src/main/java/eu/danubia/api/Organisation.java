package eu.danubia.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member organisation of an association: a company, university, public body, civil-society
 * organisation or cluster organisation.
 *
 * @param country ISO 3166-1 alpha-2 code
 * @param nutsCode NUTS 2021 region (level 2 or 3); {@code null} for countries outside NUTS (UA, MD, BA)
 * @param naceCodes NACE Rev.2 codes, e.g. {@code 62.01}
 */
public record Organisation(
        UUID id,
        UUID associationId,
        String name,
        OrganisationType type,
        String country,
        String nutsCode,
        String city,
        List<String> naceCodes,
        SizeClass sizeClass,
        List<NationalId> nationalIds,
        String website,
        String description,
        Visibility visibility,
        Instant createdAt,
        Instant updatedAt) {

    public Organisation {
        naceCodes = naceCodes == null ? List.of() : List.copyOf(naceCodes);
        nationalIds = nationalIds == null ? List.of() : List.copyOf(nationalIds);
    }
}
