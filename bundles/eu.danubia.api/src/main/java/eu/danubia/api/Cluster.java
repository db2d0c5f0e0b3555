package eu.danubia.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A cluster: a group of organisations around a sector or value chain in a region, run by a
 * cluster organisation.
 *
 * @param managingOrganisationId the cluster organisation that runs it, if known
 * @param sectors NACE Rev.2 codes of the cluster's sectors
 * @param memberCount number of member organisations (computed)
 */
public record Cluster(
        UUID id,
        UUID associationId,
        String name,
        UUID managingOrganisationId,
        String country,
        String nutsCode,
        List<String> sectors,
        String description,
        String website,
        Visibility visibility,
        int memberCount,
        Instant createdAt,
        Instant updatedAt) {

    public Cluster {
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
    }
}
