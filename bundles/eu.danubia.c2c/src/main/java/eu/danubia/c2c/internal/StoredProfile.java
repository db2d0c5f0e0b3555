package eu.danubia.c2c.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eu.danubia.api.Visibility;

/** A C2C profile row with its lists, as stored. */
record StoredProfile(UUID clusterId, UUID associationId, Visibility visibility, List<String> valueChains,
        List<String> services, String strategicInterests, List<EmergingIndustry> emergingIndustries,
        List<String> languages, UUID updatedBy, Instant createdAt, Instant updatedAt) {

    StoredProfile {
        valueChains = List.copyOf(valueChains);
        services = List.copyOf(services);
        emergingIndustries = List.copyOf(emergingIndustries);
        languages = List.copyOf(languages);
    }
}
