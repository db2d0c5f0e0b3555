package eu.danubia.security.internal;

import static eu.danubia.security.internal.Fixture.PASSWORD;
import static eu.danubia.security.internal.Fixture.REMOTE;
import static eu.danubia.security.internal.Fixture.pw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.Association;
import eu.danubia.api.TooManyRequestsException;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.security.AuthService.Session;
import eu.danubia.api.security.Role;
import eu.danubia.api.security.UserAccount;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;

class AuthServiceImplTest {

    private static final String DBS = "eu.danubia.store.testing.TestDatabases#all";

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void loginOpensASessionThatAuthenticates(Database db) {
        Fixture f = new Fixture(db);
        Association a = f.association("cluster-a");
        UserAccount user = f.user("Ana@Example.org", a.id(), Role.MEMBER);

        LoginResult result = f.auth.login("  ANA@example.org ", pw(PASSWORD), REMOTE);

        assertThat(result.user().id()).isEqualTo(user.id());
        assertThat(result.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(result.csrfToken()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(result.token());
        assertThat(result.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofHours(12)));
        Session session = f.auth.authenticate(result.token()).orElseThrow();
        assertThat(session.caller().userId()).isEqualTo(user.id());
        assertThat(session.caller().email()).isEqualTo("ana@example.org");
        assertThat(session.caller().associationId()).isEqualTo(a.id());
        assertThat(session.caller().roles()).containsExactly(Role.MEMBER);
        assertThat(session.csrfToken()).isEqualTo(result.csrfToken());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void storesOnlyTheHashOfTheSessionToken(Database db) {
        Fixture f = new Fixture(db);
        f.user("ana@example.org", f.association("cluster-a").id(), Role.MEMBER);

        LoginResult result = f.login("ana@example.org");

        List<String> stored = db.read(c -> Jdbc.query(c, "SELECT token_hash FROM sessions", rs -> rs.getString(1)));
        assertThat(stored).containsExactly(Secrets.sha256Hex(result.token()));
        assertThat(stored.get(0)).matches("[0-9a-f]{64}").doesNotContain(result.token());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void wrongPasswordAndUnknownEmailGetTheSameAnswer(Database db) {
        Fixture f = new Fixture(db);
        f.user("ana@example.org", f.association("cluster-a").id(), Role.MEMBER);

        assertThatThrownBy(() -> f.auth.login("ana@example.org", pw("not-the-right-one"), REMOTE))
                .isInstanceOf(UnauthorizedException.class).hasMessage("Wrong email or password");
        assertThatThrownBy(() -> f.auth.login("nobody@example.org", pw(PASSWORD), REMOTE))
                .isInstanceOf(UnauthorizedException.class).hasMessage("Wrong email or password");
        assertThat(f.count("SELECT COUNT(*) FROM sessions")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void inactiveUsersCannotLogInNorUseTheirSessions(Database db) {
        Fixture f = new Fixture(db);
        UserAccount user = f.user("ana@example.org", f.association("cluster-a").id(), Role.MEMBER);
        LoginResult before = f.login("ana@example.org");

        db.transaction(c -> Jdbc.update(c, "UPDATE users SET active = FALSE WHERE id = ?", user.id()));

        assertThat(f.auth.authenticate(before.token())).isEmpty();
        assertThatThrownBy(() -> f.login("ana@example.org"))
                .isInstanceOf(UnauthorizedException.class).hasMessage("Wrong email or password");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void missingCredentialsAreInvalidInput(Database db) {
        Fixture f = new Fixture(db);
        assertThatThrownBy(() -> f.auth.login(" ", new char[0], REMOTE))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).containsKeys("email", "password"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void wipesThePasswordItWasGiven(Database db) {
        Fixture f = new Fixture(db);
        f.user("ana@example.org", f.association("cluster-a").id(), Role.MEMBER);
        char[] password = pw(PASSWORD);

        f.auth.login("ana@example.org", password, REMOTE);

        assertThat(new String(password)).isEqualTo("\0".repeat(PASSWORD.length()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void sixthAttemptIsRefusedEvenWithTheRightPassword(Database db) {
        Fixture f = new Fixture(db);
        f.user("ana@example.org", f.association("cluster-a").id(), Role.MEMBER);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> f.auth.login("ana@example.org", pw("wrong-password-guess"), REMOTE))
                    .isInstanceOf(UnauthorizedException.class);
            f.clock.advance(Duration.ofSeconds(10));
        }

        assertThatThrownBy(() -> f.login("ana@example.org"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    // the first failure (50 s ago) leaves the 15-minute window in 850 s
                    assertThat(e.retryAfterSeconds()).isEqualTo(850);
                    assertThat(e.status()).isEqualTo(429);
                });
        assertThat(f.count("SELECT COUNT(*) FROM audit_log WHERE action = 'login.rate-limited'")).isEqualTo(1);
        assertThat(f.count("SELECT COUNT(*) FROM sessions")).isZero();

        f.clock.advance(Duration.ofSeconds(851));
        assertThat(f.login("ana@example.org").token()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void unknownEmailsAreLimitedLikeKnownOnes(Database db) {
        Fixture f = new Fixture(db);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> f.auth.login("ghost@example.org", pw(PASSWORD), REMOTE))
                    .isInstanceOf(UnauthorizedException.class);
        }
        assertThatThrownBy(() -> f.auth.login("ghost@example.org", pw(PASSWORD), REMOTE))
                .isInstanceOf(TooManyRequestsException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void successClearsTheEmailsFailures(Database db) {
        Fixture f = new Fixture(db);
        f.user("ana@example.org", f.association("cluster-a").id(), Role.MEMBER);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> f.auth.login("ana@example.org", pw("wrong-password-guess"), REMOTE))
                        .isInstanceOf(UnauthorizedException.class);
            }
            // eight failures in the window, but the success in between reset the count
            assertThat(f.login("ana@example.org").token()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void oneClientAddressIsLimitedAcrossEmails(Database db) {
        Fixture f = new Fixture(db);
        f.user("ana@example.org", f.association("cluster-a").id(), Role.MEMBER);
        for (int i = 0; i < 20; i++) {
            String email = "guess" + i + "@example.org";
            assertThatThrownBy(() -> f.auth.login(email, pw(PASSWORD), "198.51.100.7"))
                    .isInstanceOf(UnauthorizedException.class);
        }

        assertThatThrownBy(() -> f.auth.login("ana@example.org", pw(PASSWORD), "198.51.100.7"))
                .isInstanceOf(TooManyRequestsException.class);
        assertThat(f.auth.login("ana@example.org", pw(PASSWORD), "198.51.100.8").token()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void limitsFollowTheConfiguration(Database db) {
        Settings strict = new Settings(Duration.ofHours(1), 2, 20, Duration.ofMinutes(1), "admin@danubia.local",
                Settings.SecureCookie.AUTO);
        Fixture f = new Fixture(db, strict);
        f.user("ana@example.org", f.association("cluster-a").id(), Role.MEMBER);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> f.auth.login("ana@example.org", pw("wrong-password-guess"), REMOTE))
                    .isInstanceOf(UnauthorizedException.class);
        }
        assertThatThrownBy(() -> f.login("ana@example.org")).isInstanceOf(TooManyRequestsException.class);
        f.clock.advance(Duration.ofSeconds(61));
        LoginResult result = f.login("ana@example.org");
        assertThat(result.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofHours(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void sessionsExpireAfterTheirLifetimeWithoutUse(Database db) {
        Fixture f = new Fixture(db);
        f.user("ana@example.org", f.association("cluster-a").id(), Role.MEMBER);
        LoginResult result = f.login("ana@example.org");

        f.clock.advance(Duration.ofHours(12).minusSeconds(1));
        assertThat(f.auth.authenticate(result.token())).isPresent();
        f.clock.advance(Duration.ofHours(12).plusSeconds(1));
        assertThat(f.auth.authenticate(result.token())).isEmpty();
        assertThat(f.count("SELECT COUNT(*) FROM sessions")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void useSlidesTheExpiry(Database db) {
        Fixture f = new Fixture(db);
        f.user("ana@example.org", f.association("cluster-a").id(), Role.MEMBER);
        LoginResult result = f.login("ana@example.org");

        for (int i = 0; i < 3; i++) {
            f.clock.advance(Duration.ofHours(11));
            assertThat(f.auth.authenticate(result.token())).as("after %d x 11 h", i + 1).isPresent();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void unknownAndJunkTokensAuthenticateNobody(Database db) {
        Fixture f = new Fixture(db);
        assertThat(f.auth.authenticate(null)).isEmpty();
        assertThat(f.auth.authenticate("")).isEmpty();
        assertThat(f.auth.authenticate(Secrets.token())).isEmpty();
        assertThat(f.auth.authenticate("x".repeat(10_000))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void logoutEndsTheSessionOnly(Database db) {
        Fixture f = new Fixture(db);
        f.user("ana@example.org", f.association("cluster-a").id(), Role.MEMBER);
        LoginResult first = f.login("ana@example.org");
        LoginResult second = f.login("ana@example.org");

        assertThat(f.auth.logout(first.token())).isTrue();

        assertThat(f.auth.authenticate(first.token())).isEmpty();
        assertThat(f.auth.authenticate(second.token())).isPresent();
        assertThat(f.auth.logout(first.token())).isFalse();
        assertThat(f.count("SELECT COUNT(*) FROM audit_log WHERE action = 'logout'")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void loginsAreAudited(Database db) {
        Fixture f = new Fixture(db);
        Association a = f.association("cluster-a");
        UserAccount user = f.user("ana@example.org", a.id(), Role.MEMBER);

        f.login("ana@example.org");
        assertThatThrownBy(() -> f.auth.login("ana@example.org", pw("wrong-password-guess"), REMOTE))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> f.auth.login("ghost@example.org", pw("wrong-password-guess"), REMOTE))
                .isInstanceOf(UnauthorizedException.class);

        List<String> rows = db.read(c -> Jdbc.query(c,
                "SELECT action, user_id, association_id, target FROM audit_log WHERE action LIKE 'login.%' ORDER BY id",
                rs -> rs.getString("action") + "|" + Jdbc.uuid(rs, "user_id") + "|" + Jdbc.uuid(rs, "association_id")
                        + "|" + rs.getString("target")));
        assertThat(rows).containsExactly(
                "login.success|" + user.id() + "|" + a.id() + "|user:" + user.id(),
                "login.failure|null|" + a.id() + "|user:" + user.id(),
                "login.failure|null|null|null");
        // neither emails nor addresses in clear anywhere in the security tables
        assertThat(f.count("SELECT COUNT(*) FROM audit_log WHERE target LIKE '%@%'")).isZero();
        assertThat(f.count("SELECT COUNT(*) FROM login_failures WHERE key_hash LIKE '%@%' OR key_hash LIKE '%192.0.2%'"))
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void upgradesHashesMadeWithOlderParameters(Database db) {
        Fixture f = new Fixture(db);
        UserAccount user = f.user("ana@example.org", f.association("cluster-a").id(), Role.MEMBER);
        String weak = new PasswordHasher(1024, 1, 1).hash(pw(PASSWORD));
        db.transaction(c -> Jdbc.update(c, "UPDATE users SET password_hash = ? WHERE id = ?", weak, user.id()));

        f.login("ana@example.org");

        String stored = db.read(c -> Jdbc.one(c, "SELECT password_hash FROM users WHERE id = ?",
                rs -> rs.getString(1), user.id())).orElseThrow();
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(f.login("ana@example.org").token()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void changingThePasswordNeedsTheCurrentOneAndEndsSessions(Database db) {
        Fixture f = new Fixture(db);
        UserAccount user = f.user("ana@example.org", f.association("cluster-a").id(), Role.MEMBER);
        LoginResult session = f.login("ana@example.org");

        assertThatThrownBy(() -> f.accounts.changeOwnPassword(f.caller(user), pw("wrong-password-guess"),
                pw("a-brand-new-passphrase"), REMOTE))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).containsKey("currentPassword"));
        assertThat(f.auth.authenticate(session.token())).isPresent();

        char[] current = pw(PASSWORD);
        char[] next = pw("a-brand-new-passphrase");
        f.accounts.changeOwnPassword(f.caller(user), current, next, REMOTE);

        assertThat(current).containsOnly('\0');
        assertThat(next).containsOnly('\0');
        assertThat(f.auth.authenticate(session.token())).isEmpty();
        assertThatThrownBy(() -> f.login("ana@example.org")).isInstanceOf(UnauthorizedException.class);
        assertThat(f.auth.login("ana@example.org", pw("a-brand-new-passphrase"), REMOTE).token()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void guessingTheCurrentPasswordIsRateLimited(Database db) {
        Fixture f = new Fixture(db);
        UserAccount user = f.user("ana@example.org", f.association("cluster-a").id(), Role.MEMBER);
        for (int i = 0; i < 5; i++) {
            char[] guess = ("wrong-password-" + i).toCharArray();
            assertThatThrownBy(() -> f.accounts.changeOwnPassword(f.caller(user), guess,
                    pw("a-brand-new-passphrase"), REMOTE)).isInstanceOf(ValidationException.class);
        }
        assertThatThrownBy(() -> f.accounts.changeOwnPassword(f.caller(user), pw(PASSWORD),
                pw("a-brand-new-passphrase"), REMOTE)).isInstanceOf(TooManyRequestsException.class);
    }
}
