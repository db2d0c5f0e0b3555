package eu.danubia.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A cluster association: the tenant of the platform. Every record a module stores belongs to one.
 *
 * @param slug short unique name used in URLs and logins (lower-case letters, digits, hyphens)
 * @param country ISO 3166-1 alpha-2 code
 */
public record Association(UUID id, String slug, String name, String country, String website, Instant createdAt) {
}
