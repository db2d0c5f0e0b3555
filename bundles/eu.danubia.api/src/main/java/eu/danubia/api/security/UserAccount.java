package eu.danubia.api.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A user as administrators see it; never carries the password or its hash. */
public record UserAccount(UUID id, String email, String name, UUID associationId, UUID organisationId,
        Set<Role> roles, boolean active, Instant createdAt) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }
}
