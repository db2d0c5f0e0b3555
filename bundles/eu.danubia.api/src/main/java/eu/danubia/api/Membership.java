package eu.danubia.api;

import java.time.LocalDate;
import java.util.UUID;

/** An organisation's membership of a cluster. */
public record Membership(UUID clusterId, UUID organisationId, String organisationName, LocalDate since) {
}
