package eu.danubia.c2b.internal;

import java.util.UUID;

/**
 * Filters of the service list; {@code null} fields do not filter.
 *
 * @param q words that must each appear in the title or the description
 * @param country the cluster's country
 */
public record ServiceFilter(String q, ServiceCategory category, String country, UUID clusterId) {
}
