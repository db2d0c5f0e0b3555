package eu.danubia.security.internal.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eu.danubia.api.security.Role;
import eu.danubia.api.security.UserAccount;

/** The JSON bodies of the security resources. Passwords arrive as char arrays so they can be wiped. */
public final class Json {

    private Json() {
    }

    public record LoginRequest(String email, char[] password) {
    }

    public record LoginResponse(String token, String csrfToken, Instant expiresAt, UserJson user) {
    }

    public record MeResponse(String csrfToken, UserJson user) {
    }

    public record NewAssociationRequest(String slug, String name, String country, String website) {
    }

    public record NewUserRequest(String email, String name, char[] password, UUID associationId, UUID organisationId,
            List<String> roles) {
    }

    public record PasswordRequest(char[] password, char[] currentPassword) {
    }

    /** A user as the API shows it: roles by id ({@code association-admin}), never the password hash. */
    public record UserJson(UUID id, String email, String name, UUID associationId, String associationName,
            UUID organisationId, List<String> roles, boolean active, Instant createdAt) {

        public static UserJson of(UserAccount user, String associationName) {
            return new UserJson(user.id(), user.email(), user.name(), user.associationId(), associationName,
                    user.organisationId(), user.roles().stream().sorted().map(Role::id).toList(), user.active(),
                    user.createdAt());
        }
    }
}
