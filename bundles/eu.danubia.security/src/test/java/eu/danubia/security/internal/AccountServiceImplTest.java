package eu.danubia.security.internal;

import static eu.danubia.security.internal.Fixture.PASSWORD;
import static eu.danubia.security.internal.Fixture.REMOTE;
import static eu.danubia.security.internal.Fixture.pw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.danubia.api.Organisation;
import eu.danubia.api.OrganisationType;
import eu.danubia.api.Visibility;
import eu.danubia.api.directory.DirectoryService;


import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.Association;
import eu.danubia.api.ConflictException;
import eu.danubia.api.ForbiddenException;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.NewUser;
import eu.danubia.api.security.Role;
import eu.danubia.api.security.UserAccount;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;

class AccountServiceImplTest {

    private static final String DBS = "eu.danubia.store.testing.TestDatabases#all";

    private static NewUser newUser(String email, java.util.UUID association, Role... roles) {
        return new NewUser(email, "New User", pw("a-long-enough-passphrase"), association, null, Set.of(roles));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void platformAdminsCreateAssociationsWithUniqueSlugs(Database db) {
        Fixture f = new Fixture(db);
        Caller platform = f.caller(f.user("root@example.org", null, Role.PLATFORM_ADMIN));

        Association a = f.accounts.createAssociation(platform, " Danube-ICT ", "Danube ICT cluster", "sk",
                "https://ict.example");

        assertThat(a.slug()).isEqualTo("danube-ict");
        assertThat(a.country()).isEqualTo("SK");
        assertThat(f.accounts.associations()).containsExactly(a);
        assertThat(f.accounts.associationBySlug("danube-ict")).contains(a);
        assertThat(f.accounts.association(a.id())).contains(a);
        assertThatThrownBy(() -> f.accounts.createAssociation(platform, "danube-ict", "Other", "HU", null))
                .isInstanceOf(ConflictException.class);
        assertThat(f.count("SELECT COUNT(*) FROM audit_log WHERE action = 'association.create' AND association_id = ?",
                a.id())).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void onlyPlatformAdminsCreateAssociations(Database db) {
        Fixture f = new Fixture(db);
        Association a = f.association("cluster-a");
        Caller associationAdmin = f.caller(f.user("boss@a.example", a.id(), Role.ASSOCIATION_ADMIN));

        assertThatThrownBy(() -> f.accounts.createAssociation(associationAdmin, "cluster-x", "X", "SK", null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.accounts.createAssociation(Caller.ANONYMOUS, "cluster-x", "X", "SK", null))
                .isInstanceOf(UnauthorizedException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void associationInputIsValidated(Database db) {
        Fixture f = new Fixture(db);
        assertThatThrownBy(() -> f.accounts.createAssociation(Caller.SYSTEM, "Bad Slug!", " ", "Slovakia", "ftp://x"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("slug", "name", "country", "website"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void associationAdminsCreateUsersOfTheirOwnAssociation(Database db) {
        Fixture f = new Fixture(db);
        Association a = f.association("cluster-a");
        Caller adminA = f.caller(f.user("boss@a.example", a.id(), Role.ASSOCIATION_ADMIN));

        UserAccount member = f.accounts.createUser(adminA, newUser("Member@A.example", null, Role.MEMBER, Role.VIEWER));

        assertThat(member.associationId()).isEqualTo(a.id());
        assertThat(member.email()).isEqualTo("member@a.example");
        assertThat(member.roles()).containsExactlyInAnyOrder(Role.MEMBER, Role.VIEWER);
        assertThat(member.active()).isTrue();
        assertThat(f.count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.create' AND user_id = ? AND target = ?",
                adminA.userId(), "user:" + member.id())).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void associationAdminOfACannotCreateUsersInBNorGrantPlatformAdmin(Database db) {
        Fixture f = new Fixture(db);
        Association a = f.association("cluster-a");
        Association b = f.association("cluster-b");
        Caller adminA = f.caller(f.user("boss@a.example", a.id(), Role.ASSOCIATION_ADMIN));

        assertThatThrownBy(() -> f.accounts.createUser(adminA, newUser("spy@b.example", b.id(), Role.MEMBER)))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> f.accounts.createUser(adminA, newUser("boss2@a.example", a.id(), Role.PLATFORM_ADMIN)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.accounts.createUser(adminA,
                newUser("boss3@a.example", a.id(), Role.MEMBER, Role.PLATFORM_ADMIN)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(f.count("SELECT COUNT(*) FROM users WHERE association_id = ?", b.id())).isZero();
        assertThat(f.count("SELECT COUNT(*) FROM users WHERE roles LIKE '%platform-admin%'")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void membersViewersAndAnonymousCreateNoUsers(Database db) {
        Fixture f = new Fixture(db);
        Association a = f.association("cluster-a");
        Caller member = f.caller(f.user("member@a.example", a.id(), Role.MEMBER));
        Caller viewer = f.caller(f.user("viewer@a.example", a.id(), Role.VIEWER));

        assertThatThrownBy(() -> f.accounts.createUser(member, newUser("x@a.example", a.id(), Role.MEMBER)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.accounts.createUser(viewer, newUser("x@a.example", a.id(), Role.VIEWER)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.accounts.createUser(Caller.ANONYMOUS, newUser("x@a.example", a.id(), Role.MEMBER)))
                .isInstanceOf(UnauthorizedException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void platformAdminsCreateAnyUser(Database db) {
        Fixture f = new Fixture(db);
        Association b = f.association("cluster-b");
        Caller platform = f.caller(f.user("root@example.org", null, Role.PLATFORM_ADMIN));

        UserAccount inB = f.accounts.createUser(platform, newUser("boss@b.example", b.id(), Role.ASSOCIATION_ADMIN));
        UserAccount another = f.accounts.createUser(platform, newUser("ops@example.org", null, Role.PLATFORM_ADMIN));

        assertThat(inB.associationId()).isEqualTo(b.id());
        assertThat(another.associationId()).isNull();
        assertThat(f.count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.create' AND association_id = ?", b.id()))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void userInputIsValidated(Database db) {
        Fixture f = new Fixture(db);
        Association a = f.association("cluster-a");
        f.user("taken@a.example", a.id(), Role.MEMBER);

        assertThatThrownBy(() -> f.accounts.createUser(Caller.SYSTEM,
                new NewUser("not-an-email", " ", pw("karaf"), null, null, Set.of())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsOnlyKeys("email", "name", "password", "roles", "associationId"));
        assertThatThrownBy(() -> f.accounts.createUser(Caller.SYSTEM, newUser("TAKEN@a.example", a.id(), Role.MEMBER)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.accounts.createUser(Caller.SYSTEM,
                newUser("new@a.example", java.util.UUID.randomUUID(), Role.MEMBER)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("associationId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void aUserActsOnlyForAnOrganisationOfItsOwnAssociation(Database db) {
        Fixture f = new Fixture(db);
        Association a = f.association("cluster-a");
        Association b = f.association("cluster-b");
        UUID orgOfA = UUID.randomUUID();
        UUID orgOfB = UUID.randomUUID();
        Caller adminOfB = f.caller(f.user("admin@b.example", b.id(), Role.ASSOCIATION_ADMIN));
        NewUser intoA = new NewUser("spy@b.example", "Spy", pw("a-long-enough-passphrase"), b.id(), orgOfA, Set.of(Role.MEMBER));

        // without the directory module nothing can vouch for an organisation
        assertThatThrownBy(() -> f.accounts.createUser(adminOfB, intoA))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsOnlyKeys("organisationId"));

        f.accounts.directory = directoryWith(Map.of(orgOfA, a.id(), orgOfB, b.id()));
        assertThatThrownBy(() -> f.accounts.createUser(adminOfB,
                new NewUser("spy@b.example", "Spy", pw("a-long-enough-passphrase"), b.id(), orgOfA, Set.of(Role.MEMBER))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsOnlyKeys("organisationId"));
        assertThatThrownBy(() -> f.accounts.createUser(adminOfB,
                new NewUser("ghost@b.example", "Ghost", pw("a-long-enough-passphrase"), b.id(), UUID.randomUUID(), Set.of(Role.MEMBER))))
                .isInstanceOf(ValidationException.class);
        UserAccount ok = f.accounts.createUser(adminOfB,
                new NewUser("ana@b.example", "Ana", pw("a-long-enough-passphrase"), b.id(), orgOfB, Set.of(Role.MEMBER)));
        assertThat(ok.organisationId()).isEqualTo(orgOfB);
    }

    /** A directory that knows which association each organisation belongs to, and nothing else. */
    private static DirectoryService directoryWith(Map<UUID, UUID> associationOf) {
        return (DirectoryService) Proxy.newProxyInstance(DirectoryService.class.getClassLoader(),
                new Class<?>[] {DirectoryService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("organisation")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    UUID association = associationOf.get((UUID) args[1]);
                    return Optional.ofNullable(association == null ? null : new Organisation((UUID) args[1], association,
                            "Org", OrganisationType.BUSINESS, "RO", null, null, null, null, null, null, null,
                            Visibility.PUBLIC, null, null));
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void storesAnArgon2HashNeverThePasswordAndWipesIt(Database db) {
        Fixture f = new Fixture(db);
        Association a = f.association("cluster-a");
        char[] password = pw("a-long-enough-passphrase");

        UserAccount user = f.accounts.createUser(Caller.SYSTEM,
                new NewUser("ana@a.example", "Ana", password, a.id(), null, Set.of(Role.MEMBER)));

        assertThat(password).containsOnly('\0');
        String stored = db.read(c -> Jdbc.one(c, "SELECT password_hash FROM users WHERE id = ?",
                rs -> rs.getString(1), user.id())).orElseThrow();
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("a-long-enough-passphrase");
        assertThat(user.toString()).doesNotContain("argon2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void usersAreListedPerTenant(Database db) {
        Fixture f = new Fixture(db);
        Association a = f.association("cluster-a");
        Association b = f.association("cluster-b");
        Caller adminA = f.caller(f.user("boss@a.example", a.id(), Role.ASSOCIATION_ADMIN));
        f.user("member@a.example", a.id(), Role.MEMBER);
        f.user("member@b.example", b.id(), Role.MEMBER);
        Caller platform = f.caller(f.user("root@example.org", null, Role.PLATFORM_ADMIN));

        assertThat(f.accounts.users(adminA, null)).extracting(UserAccount::email)
                .containsExactly("boss@a.example", "member@a.example");
        assertThat(f.accounts.users(adminA, a.id())).hasSize(2);
        assertThatThrownBy(() -> f.accounts.users(adminA, b.id())).isInstanceOf(ForbiddenException.class);
        assertThat(f.accounts.users(platform, null)).hasSize(4);
        assertThat(f.accounts.users(platform, b.id())).extracting(UserAccount::email).containsExactly("member@b.example");
        Caller member = f.caller(f.accounts.userByEmail(Caller.SYSTEM, "member@a.example").orElseThrow());
        assertThatThrownBy(() -> f.accounts.users(member, null)).isInstanceOf(ForbiddenException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void usersAreVisibleToThemselvesAndTheirAdminsOnly(Database db) {
        Fixture f = new Fixture(db);
        Association a = f.association("cluster-a");
        Association b = f.association("cluster-b");
        Caller adminA = f.caller(f.user("boss@a.example", a.id(), Role.ASSOCIATION_ADMIN));
        UserAccount memberB = f.user("member@b.example", b.id(), Role.MEMBER);
        UserAccount memberA = f.user("member@a.example", a.id(), Role.MEMBER);

        assertThat(f.accounts.userByEmail(adminA, "member@b.example")).isEmpty();
        assertThat(f.accounts.userByEmail(adminA, "MEMBER@a.example")).isPresent();
        assertThatThrownBy(() -> f.accounts.user(adminA, memberB.id())).isInstanceOf(NotFoundException.class);
        assertThat(f.accounts.user(f.caller(memberA), memberA.id()).email()).isEqualTo("member@a.example");
        assertThatThrownBy(() -> f.accounts.user(f.caller(memberA), adminA.userId())).isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void adminsSetPasswordsOfTheirUsersAndEndTheirSessions(Database db) {
        Fixture f = new Fixture(db);
        Association a = f.association("cluster-a");
        Caller adminA = f.caller(f.user("boss@a.example", a.id(), Role.ASSOCIATION_ADMIN));
        UserAccount member = f.user("member@a.example", a.id(), Role.MEMBER);
        LoginResult session = f.login("member@a.example");

        f.accounts.setPassword(adminA, member.id(), pw("reset-by-the-admin-1"));

        assertThat(f.auth.authenticate(session.token())).isEmpty();
        assertThatThrownBy(() -> f.login("member@a.example")).isInstanceOf(UnauthorizedException.class);
        assertThat(f.auth.login("member@a.example", pw("reset-by-the-admin-1"), REMOTE).token()).isNotBlank();
        assertThat(f.count("SELECT COUNT(*) FROM audit_log WHERE action = 'password.set' AND user_id = ? AND target = ?",
                adminA.userId(), "user:" + member.id())).isEqualTo(1);
        assertThatThrownBy(() -> f.accounts.setPassword(adminA, member.id(), pw("admin")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsKey("password"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void passwordsOfOtherTenantsAndPlatformAdminsAreOutOfReach(Database db) {
        Fixture f = new Fixture(db);
        Association a = f.association("cluster-a");
        Association b = f.association("cluster-b");
        Caller adminA = f.caller(f.user("boss@a.example", a.id(), Role.ASSOCIATION_ADMIN));
        UserAccount memberB = f.user("member@b.example", b.id(), Role.MEMBER);
        UserAccount platformInA = f.user("root@a.example", a.id(), Role.PLATFORM_ADMIN);
        UserAccount memberA = f.user("member@a.example", a.id(), Role.MEMBER);
        UserAccount otherA = f.user("other@a.example", a.id(), Role.MEMBER);

        assertThatThrownBy(() -> f.accounts.setPassword(adminA, memberB.id(), pw("taken-over-password")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.accounts.setPassword(adminA, platformInA.id(), pw("taken-over-password")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.accounts.setPassword(f.caller(memberA), otherA.id(), pw("taken-over-password")))
                .isInstanceOf(NotFoundException.class);
        // a member changes its own password only with the current one
        assertThatThrownBy(() -> f.accounts.setPassword(f.caller(memberA), memberA.id(), pw("taken-over-password")))
                .isInstanceOf(ForbiddenException.class);
        for (String email : new String[] {"member@b.example", "root@a.example", "other@a.example", "member@a.example"}) {
            assertThat(f.auth.login(email, pw(PASSWORD), REMOTE).token()).as(email).isNotBlank();
        }
    }
}
