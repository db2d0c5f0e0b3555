package eu.danubia.c2c.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eu.danubia.api.OrganisationType;
import eu.danubia.api.Visibility;

/**
 * A directory cluster with its C2C profile, as one caller sees it. The directory's fields come from
 * {@code DirectoryService} read as the caller; the C2C fields are empty (and {@code profiled} false)
 * when the cluster has no profile yet or the caller may not read it.
 *
 * @param memberCount the members the caller may read, as the directory counts them
 * @param membersByType the same members by organisation type, largest first
 * @param visibility the profile's visibility, else the cluster's
 * @param editable whether the caller may change the profile (the cluster's association admins and
 *        platform admins)
 */
public record ClusterProfile(
        UUID clusterId,
        String name,
        UUID associationId,
        String country,
        String nutsCode,
        String description,
        String website,
        List<String> sectors,
        int memberCount,
        List<TypeCount> membersByType,
        List<String> valueChains,
        List<String> services,
        String strategicInterests,
        List<EmergingIndustry> emergingIndustries,
        List<String> languages,
        Visibility visibility,
        boolean profiled,
        Instant updatedAt,
        boolean editable) {

    public record TypeCount(OrganisationType type, int count) {
    }
}
