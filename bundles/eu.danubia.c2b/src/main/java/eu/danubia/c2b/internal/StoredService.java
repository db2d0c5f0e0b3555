package eu.danubia.c2b.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A service row with its countries and languages. */
record StoredService(
        UUID id,
        UUID clusterId,
        UUID associationId,
        UUID providerOrganisationId,
        String clusterCountry,
        ServiceCategory category,
        String title,
        String description,
        PriceModel priceModel,
        BigDecimal priceAmount,
        String currency,
        Eligibility eligibility,
        List<String> countries,
        List<String> languages,
        ServiceStatus status,
        UUID createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt) {

    StoredService {
        countries = countries == null ? List.of() : List.copyOf(countries);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }
}
