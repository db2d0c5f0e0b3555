package eu.danubia.c2b.internal;

import java.time.LocalDate;
import java.util.UUID;

/** A member of a cluster in the cluster admins' list. */
public record Member(UUID organisationId, String name, String country, LocalDate since) {
}
