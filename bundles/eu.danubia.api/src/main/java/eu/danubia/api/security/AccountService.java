package eu.danubia.api.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.danubia.api.Association;

/**
 * Associations (tenants) and their users. Every call checks the caller: platform admins manage
 * associations; association admins manage the users of their own association.
 */
public interface AccountService {

    List<Association> associations();

    Optional<Association> association(UUID id);

    Optional<Association> associationBySlug(String slug);

    /** Creates an association (platform admins only). */
    Association createAssociation(Caller caller, String slug, String name, String country, String website);

    /** Creates a user in an association; only platform admins may grant {@link Role#PLATFORM_ADMIN}. */
    UserAccount createUser(Caller caller, NewUser user);

    Optional<UserAccount> userByEmail(Caller caller, String email);

    /**
     * The users an admin manages: for an association admin those of its own association (another one is
     * forbidden); for platform admins (and {@link Caller#SYSTEM}, e.g. to find whom to notify) those of
     * {@code associationId}, or all users when it is null.
     */
    List<UserAccount> users(Caller caller, UUID associationId);

    /**
     * The active admins of one association, asked as the platform: whom a module tells about something
     * addressed to that association (a proposal to its cluster, a request to its cluster's services).
     */
    default List<UserAccount> activeAdmins(UUID associationId) {
        if (associationId == null) {
            return List.of();
        }
        return users(Caller.SYSTEM, associationId).stream()
                .filter(u -> u.active() && u.roles().contains(Role.ASSOCIATION_ADMIN) && associationId.equals(u.associationId()))
                .toList();
    }

    /** Sets a user's password (platform admins, the user's association admins). Ends the user's sessions. */
    void setPassword(Caller caller, UUID userId, char[] password);
}
