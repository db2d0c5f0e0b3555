package eu.danubia.b2b.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The body of a create or update, and one imported row. Enum values, dates and ids come as text so
 * that every wrong field is reported at once by the service, not only the first one the JSON parser
 * trips over. The fields only a response has are accepted and ignored, so a client may send back the
 * profile it read; any other unknown field is still refused.
 *
 * @param organisationId the owner organisation; association admins name one of their association,
 *        members act for their own
 */
@JsonIgnoreProperties({"id", "status", "country", "moderationComment", "createdAt", "updatedAt", "publishedAt", "mine",
        "owner"})
public record ProfileInput(
        String organisationId,
        String type,
        String title,
        String summary,
        String description,
        String innovation,
        String stage,
        String ipr,
        List<String> technologyKeywords,
        List<String> marketKeywords,
        List<String> naceCodes,
        PartnerSoughtInput partnerSought,
        List<String> partnershipTypes,
        List<String> targetCountries,
        String expiresOn,
        String language,
        String contactName,
        String contactEmail,
        String contactPhone) {

    /** The partner sought, as sent: organisation types and size classes by name. */
    public record PartnerSoughtInput(List<String> types, String role, List<String> sizes) {
    }
}
