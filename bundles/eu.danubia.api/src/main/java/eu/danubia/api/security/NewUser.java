package eu.danubia.api.security;

import java.util.Set;
import java.util.UUID;

/** What it takes to create a user. The password is hashed at once and never stored as given. */
public record NewUser(String email, String name, char[] password, UUID associationId, UUID organisationId, Set<Role> roles) {
}
