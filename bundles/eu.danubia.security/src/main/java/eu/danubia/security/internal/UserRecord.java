package eu.danubia.security.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.api.security.UserAccount;

/** A row of {@code users}, hash included; never leaves the bundle (see {@link #account()}). */
record UserRecord(UUID id, UUID associationId, UUID organisationId, String email, String name,
        String passwordHash, Set<Role> roles, boolean active, Instant createdAt, Instant passwordChangedAt) {

    UserRecord {
        roles = Set.copyOf(roles);
    }

    UserAccount account() {
        return new UserAccount(id, email, name, associationId, organisationId, roles, active, createdAt);
    }

    Caller caller() {
        return new Caller(id, email, associationId, organisationId, roles);
    }

    @Override
    public String toString() { // keeps the hash out of logs and assertion messages
        return "UserRecord[" + id + ", " + roles + ", active=" + active + "]";
    }
}
