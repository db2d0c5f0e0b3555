package eu.danubia.demo.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import eu.danubia.api.Association;
import eu.danubia.api.ConflictException;
import eu.danubia.api.ForbiddenException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.security.AccountService;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.NewUser;
import eu.danubia.api.security.Role;
import eu.danubia.api.security.UserAccount;

/** An AccountService in memory with the platform's rules that matter here: duplicates and the password policy. */
final class InMemoryAccounts implements AccountService {

    static final Set<String> COMMON_PASSWORDS = Set.of("password1234", "123456789012", "qwertyuiopas");

    final Map<UUID, Association> associations = new LinkedHashMap<>();
    final Map<String, UserAccount> users = new LinkedHashMap<>();
    final Map<String, String> passwords = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public List<Association> associations() {
        return List.copyOf(associations.values());
    }

    @Override
    public Optional<Association> association(UUID id) {
        return Optional.ofNullable(associations.get(id));
    }

    @Override
    public Optional<Association> associationBySlug(String slug) {
        return associations.values().stream().filter(a -> a.slug().equals(slug)).findFirst();
    }

    @Override
    public Association createAssociation(Caller caller, String slug, String name, String country, String website) {
        calls.add("createAssociation " + slug);
        if (!caller.isPlatformAdmin()) {
            throw new ForbiddenException("platform admins only");
        }
        if (associationBySlug(slug).isPresent()) {
            throw new ConflictException("slug taken: " + slug);
        }
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new ValidationException("slug", "lower-case letters, digits and hyphens");
        }
        Association a = new Association(UUID.randomUUID(), slug, name, country, website, Instant.now());
        associations.put(a.id(), a);
        return a;
    }

    @Override
    public UserAccount createUser(Caller caller, NewUser user) {
        calls.add("createUser " + user.email());
        if (!caller.isPlatformAdmin() && !caller.administers(user.associationId())) {
            throw new ForbiddenException("not an admin of the association");
        }
        if (users.containsKey(user.email())) {
            throw new ConflictException("e-mail taken: " + user.email());
        }
        if (!associations.containsKey(user.associationId())) {
            throw new ValidationException("associationId", "unknown association");
        }
        if (user.roles().contains(Role.PLATFORM_ADMIN) && !caller.isPlatformAdmin()) {
            throw new ForbiddenException("only platform admins grant platform-admin");
        }
        String password = new String(user.password());
        if (password.length() < 12 || COMMON_PASSWORDS.contains(password.toLowerCase())) {
            throw new ValidationException("password", "at least 12 characters, not a common password");
        }
        UserAccount account = new UserAccount(UUID.randomUUID(), user.email(), user.name(), user.associationId(),
                user.organisationId(), user.roles(), true, Instant.now());
        users.put(user.email(), account);
        passwords.put(user.email(), password);
        return account;
    }

    @Override
    public Optional<UserAccount> userByEmail(Caller caller, String email) {
        return Optional.ofNullable(users.get(email));
    }

    @Override
    public java.util.List<UserAccount> users(Caller caller, UUID associationId) {
        return users.values().stream().filter(u -> associationId == null || associationId.equals(u.associationId())).toList();
    }

    @Override
    public void setPassword(Caller caller, UUID userId, char[] password) {
        throw new UnsupportedOperationException("the demo loader never changes passwords");
    }
}
