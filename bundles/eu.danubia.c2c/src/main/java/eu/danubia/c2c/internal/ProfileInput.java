package eu.danubia.c2c.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The body of {@code PUT /api/c2c/clusters/{id}}: what the C2C profile adds to the directory's
 * cluster. Enum values come as text so that every wrong field is reported at once. The fields only a
 * response has are accepted and ignored, so a client may send back the profile it read.
 *
 * @param valueChains NACE codes of the value chains the cluster covers (the directory's sectors are
 *        shown beside them and are edited in the directory)
 * @param services services the cluster organisation offers, in words
 * @param emergingIndustries {@link EmergingIndustry} names
 * @param languages ISO 639-1 codes of the languages the cluster works in
 * @param visibility PUBLIC or ASSOCIATION; default: the cluster's own visibility
 */
@JsonIgnoreProperties({"clusterId", "name", "associationId", "country", "nutsCode", "description", "website",
        "sectors", "memberCount", "membersByType", "profiled", "createdAt", "updatedAt", "editable"})
public record ProfileInput(
        List<String> valueChains,
        List<String> services,
        String strategicInterests,
        List<String> emergingIndustries,
        List<String> languages,
        String visibility) {
}
