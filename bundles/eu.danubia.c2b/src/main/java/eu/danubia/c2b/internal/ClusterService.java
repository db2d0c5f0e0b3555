package eu.danubia.c2b.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A cluster's service as the API shows it.
 *
 * @param manageable true when the caller may edit and archive it
 */
public record ClusterService(
        UUID id,
        UUID clusterId,
        String clusterName,
        String country,
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
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        boolean manageable) {
}
