package eu.danubia.c2b.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The body of a service create or update. Enums, ids and the amount come as text, so every wrong
 * field is reported at once by the service. The fields only a response has are accepted and
 * ignored, so a client may send back the service it read; any other unknown field is refused.
 *
 * @param clusterId the cluster offering the service; cannot be changed by an update
 * @param status DRAFT (default) or PUBLISHED; archiving is DELETE
 * @param priceAmount a decimal such as {@code 150} or {@code 150.50}, only with FIXED_FEE
 * @param countries ISO-2 codes of the countries whose organisations may request it; empty: all
 * @param languages ISO 639-1 codes the service is offered in
 */
@JsonIgnoreProperties({"id", "clusterName", "createdAt", "updatedAt", "publishedAt", "manageable"})
public record ServiceInput(
        String clusterId,
        String category,
        String title,
        String description,
        String priceModel,
        String priceAmount,
        String currency,
        String eligibility,
        List<String> countries,
        List<String> languages,
        String status) {
}
