package eu.danubia.security.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import eu.danubia.api.Association;
import eu.danubia.api.ConflictException;
import eu.danubia.api.ForbiddenException;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.Validator;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.api.security.AccountService;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.NewUser;
import eu.danubia.api.security.Role;
import eu.danubia.api.security.UserAccount;
import eu.danubia.store.StoreException;
import eu.danubia.store.Where;

/**
 * Associations and users, with the tenant rules: platform admins create associations and any
 * user; association admins create users of their own association with the roles
 * association-admin, member and viewer; nobody else creates anything. Every change is audited in
 * the same transaction. Passwords handed in are wiped once hashed.
 */
@Component(service = {AccountService.class, AccountServiceImpl.class})
public class AccountServiceImpl implements AccountService {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<Role> TENANT_ROLES = EnumSet.of(Role.ASSOCIATION_ADMIN, Role.MEMBER, Role.VIEWER);
    private static final String UNIQUE_VIOLATION = "23505";

    private final SecurityStore store;
    private final AuditLogImpl audit;
    private final AuthServiceImpl auth;
    private final PasswordHasher hasher;
    private final Clock clock;

    /** Checks that a user's organisation belongs to the user's association; without it none can be given. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DirectoryService directory;

    @Activate
    public AccountServiceImpl(@Reference SecurityStore store, @Reference AuditLogImpl audit, @Reference AuthServiceImpl auth) {
        this(store, audit, auth, new PasswordHasher(), Clock.systemUTC());
    }

    AccountServiceImpl(SecurityStore store, AuditLogImpl audit, AuthServiceImpl auth, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.auth = auth;
        this.hasher = hasher;
        this.clock = clock;
    }

    // ---- associations -------------------------------------------------------------------------

    @Override
    public List<Association> associations() {
        return store.read(AssociationRepository::all);
    }

    @Override
    public Optional<Association> association(UUID id) {
        return id == null ? Optional.empty() : store.read(c -> AssociationRepository.byId(c, id));
    }

    @Override
    public Optional<Association> associationBySlug(String slug) {
        return slug == null ? Optional.empty()
                : store.read(c -> AssociationRepository.bySlug(c, slug.trim().toLowerCase(Locale.ROOT)));
    }

    @Override
    public Association createAssociation(Caller caller, String slug, String name, String country, String website) {
        caller.requireLoggedIn();
        if (!caller.isPlatformAdmin()) {
            throw new ForbiddenException("Only platform admins create associations");
        }
        String s = slug == null ? null : slug.trim().toLowerCase(Locale.ROOT);
        String n = trimToNull(name);
        String cc = country == null ? null : country.trim().toUpperCase(Locale.ROOT);
        String web = trimToNull(website);
        new Validator()
                .required("slug", s).maxLength("slug", s, 64)
                .that(s == null || s.isEmpty() || SLUG.matcher(s).matches(), "slug",
                        "must be lower-case letters, digits and inner hyphens")
                .required("name", n).maxLength("name", n, 200)
                .required("country", cc).country("country", cc)
                .url("website", web).maxLength("website", web, 300)
                .check();
        Association created = new Association(UUID.randomUUID(), s, n, cc, web, clock.instant());
        return unique("An association with this slug already exists", () -> store.transaction(c -> {
            if (AssociationRepository.bySlug(c, s).isPresent()) {
                throw new ConflictException("An association with this slug already exists");
            }
            AssociationRepository.insert(c, created);
            audit.append(c, caller.userId(), created.id(), "association.create", "association:" + created.id());
            return created;
        }));
    }

    // ---- users ----------------------------------------------------------------------------------

    @Override
    public UserAccount createUser(Caller caller, NewUser user) {
        try {
            caller.requireLoggedIn();
            Set<Role> roles = user.roles() == null ? Set.of() : Set.copyOf(user.roles());
            UUID association = user.associationId() != null ? user.associationId()
                    : caller.isPlatformAdmin() ? null : caller.associationId();
            if (!caller.isPlatformAdmin()) {
                if (!caller.has(Role.ASSOCIATION_ADMIN) || caller.associationId() == null) {
                    throw new ForbiddenException("Only administrators create users");
                }
                if (!caller.associationId().equals(association)) {
                    throw new ForbiddenException("Association admins create users of their own association only");
                }
                if (!TENANT_ROLES.containsAll(roles)) {
                    throw new ForbiddenException("Only platform admins grant the platform-admin role");
                }
            }
            String email = Secrets.normalizeEmail(user.email());
            String name = trimToNull(user.name());
            String passwordProblem = PasswordPolicy.problem(user.password(), email);
            new Validator()
                    .required("email", email).maxLength("email", email, 254)
                    .that(email == null || EMAIL.matcher(email).matches(), "email", "is not an email address")
                    .required("name", name).maxLength("name", name, 200)
                    .that(!roles.isEmpty(), "roles", "needs at least one role")
                    .that(association != null || roles.contains(Role.PLATFORM_ADMIN), "associationId",
                            "is required for users who are not platform admins")
                    .that(passwordProblem == null, "password", passwordProblem)
                    .that(user.organisationId() == null || actsFor(user.organisationId(), association), "organisationId",
                            organisationProblem())
                    .check();
            Instant now = clock.instant();
            UserRecord created = new UserRecord(UUID.randomUUID(), association, user.organisationId(), email, name,
                    hasher.hash(user.password()), roles, true, now, now);
            return insertUser(created, caller.userId(), "user.create");
        } finally {
            Secrets.wipe(user.password());
        }
    }

    /**
     * A user may act only for an organisation of its own association: otherwise an admin could
     * create a user that counts as another tenant's organisation and reads its private records.
     */
    private boolean actsFor(UUID organisationId, UUID association) {
        DirectoryService d = directory;
        return d != null && association != null && d.organisation(Caller.SYSTEM, organisationId)
                .map(o -> association.equals(o.associationId())).orElse(false);
    }

    private String organisationProblem() {
        return directory == null ? "cannot be checked: the directory module is not installed"
                : "must be an organisation of the user's association";
    }

    @Override
    public Optional<UserAccount> userByEmail(Caller caller, String email) {
        String normalized = Secrets.normalizeEmail(email);
        if (caller.isAnonymous() || normalized == null) {
            return Optional.empty();
        }
        return store.read(c -> UserRepository.byEmail(c, normalized))
                .filter(u -> mayView(caller, u))
                .map(UserRecord::account);
    }

    /** One user: the user itself, its association's admins and platform admins may read it. */
    public UserAccount user(Caller caller, UUID id) {
        caller.requireLoggedIn();
        return store.read(c -> UserRepository.byId(c, id))
                .filter(u -> mayView(caller, u))
                .map(UserRecord::account)
                .orElseThrow(() -> new NotFoundException("User"));
    }

    /**
     * Users an admin manages: an association admin's own association, or for platform admins all
     * users or those of {@code associationId}.
     */
    @Override
    public List<UserAccount> users(Caller caller, UUID associationId) {
        caller.requireLoggedIn();
        Where where = new Where();
        if (caller.isPlatformAdmin()) {
            where.andIf(associationId != null, "association_id = ?", associationId);
        } else if (caller.has(Role.ASSOCIATION_ADMIN) && caller.associationId() != null) {
            if (associationId != null && !associationId.equals(caller.associationId())) {
                throw new ForbiddenException("Association admins list the users of their own association only");
            }
            where.and("association_id = ?", caller.associationId());
        } else {
            throw new ForbiddenException("Only administrators list users");
        }
        return store.read(c -> UserRepository.list(c, where)).stream().map(UserRecord::account).toList();
    }

    @Override
    public void setPassword(Caller caller, UUID userId, char[] password) {
        try {
            caller.requireLoggedIn();
            UserRecord target = store.read(c -> UserRepository.byId(c, userId))
                    .filter(u -> mayView(caller, u))
                    .orElseThrow(() -> new NotFoundException("User"));
            if (!mayAdminister(caller, target)) {
                throw new ForbiddenException(caller.userId().equals(target.id())
                        ? "Give your current password to change your own password"
                        : "Only the user's administrators set its password");
            }
            PasswordPolicy.check(password, target.email());
            storePassword(caller, target, hasher.hash(password));
        } finally {
            Secrets.wipe(password);
        }
    }

    /** A user changes its own password, giving the current one; ends all its sessions, this one too. */
    public void changeOwnPassword(Caller caller, char[] currentPassword, char[] password, String remote) {
        try {
            caller.requireLoggedIn();
            UserRecord self = store.read(c -> UserRepository.byId(c, caller.userId()))
                    .orElseThrow(() -> new UnauthorizedException("Log in first"));
            if (currentPassword == null || currentPassword.length == 0) {
                throw new ValidationException("currentPassword", "is required");
            }
            auth.verifyCurrentPassword(self, currentPassword, remote);
            PasswordPolicy.check(password, self.email());
            storePassword(caller, self, hasher.hash(password));
        } finally {
            Secrets.wipe(currentPassword);
            Secrets.wipe(password);
        }
    }

    /** The name of an association, for showing a user's tenant. */
    public Optional<String> associationName(UUID associationId) {
        return association(associationId).map(Association::name);
    }

    // ---- the first platform admin ---------------------------------------------------------------

    public boolean activePlatformAdminExists() {
        return store.read(UserRepository::activePlatformAdminExists);
    }

    /**
     * Creates a platform admin with no association, as the platform itself. The caller checks the
     * password policy first; this method does not wipe the password.
     *
     * @throws ConflictException when a user with the email exists
     */
    UserAccount createFirstAdmin(String email, char[] password) {
        String normalized = Secrets.normalizeEmail(email);
        new Validator().required("email", normalized)
                .that(normalized == null || EMAIL.matcher(normalized).matches(), "email", "is not an email address")
                .check();
        PasswordPolicy.check(password, normalized);
        Instant now = clock.instant();
        UserRecord admin = new UserRecord(UUID.randomUUID(), null, null, normalized, "Platform admin",
                hasher.hash(password), Set.of(Role.PLATFORM_ADMIN), true, now, now);
        return insertUser(admin, Caller.SYSTEM.userId(), "admin.bootstrap");
    }

    // ---- rules and helpers ----------------------------------------------------------------------

    private UserAccount insertUser(UserRecord user, UUID actor, String action) {
        return unique("A user with this email already exists", () -> store.transaction(c -> {
            if (user.associationId() != null && AssociationRepository.byId(c, user.associationId()).isEmpty()) {
                throw new ValidationException("associationId", "is not a known association");
            }
            if (UserRepository.byEmail(c, user.email()).isPresent()) {
                throw new ConflictException("A user with this email already exists");
            }
            UserRepository.insert(c, user);
            audit.append(c, actor, user.associationId(), action, "user:" + user.id());
            return user.account();
        }));
    }

    private void storePassword(Caller caller, UserRecord target, String hash) {
        store.transaction(c -> {
            UserRepository.updatePassword(c, target.id(), hash, clock.instant());
            SessionRepository.deleteForUser(c, target.id());
            audit.append(c, caller.userId(), target.associationId(), "password.set", "user:" + target.id());
            return null;
        });
    }

    /** Who may know the user exists: itself and its administrators. */
    private static boolean mayView(Caller caller, UserRecord user) {
        return user.id().equals(caller.userId()) || caller.administers(user.associationId());
    }

    /** Association admins do not manage platform admins, even those placed in their association. */
    private static boolean mayAdminister(Caller caller, UserRecord user) {
        return caller.isPlatformAdmin()
                || !user.roles().contains(Role.PLATFORM_ADMIN) && caller.administers(user.associationId());
    }

    private static String trimToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Turns the unique-key violation of a concurrent insert (another node won the race) into a 409. */
    private static <T> T unique(String conflict, Supplier<T> work) {
        try {
            return work.get();
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw new ConflictException(conflict);
            }
            throw e;
        }
    }
}
