package eu.danubia.api;

import java.util.UUID;

/**
 * A contact person of an organisation. Contact details are personal data: modules reveal them only
 * where the owner agreed (e.g. after an accepted expression of interest).
 */
public record Person(UUID id, UUID organisationId, String name, String role, String email, String phone) {
}
