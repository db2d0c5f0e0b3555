package eu.danubia.security.internal;

import static eu.danubia.security.internal.Fixture.REMOTE;
import static eu.danubia.security.internal.Fixture.pw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.security.Role;
import eu.danubia.api.security.UserAccount;
import eu.danubia.store.Database;

class AdminBootstrapTest {

    private static final String DBS = "eu.danubia.store.testing.TestDatabases#all";
    private static final String ADMIN = "admin@danubia.local";

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private AdminBootstrap bootstrap(Fixture f) {
        return new AdminBootstrap(f.accounts, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void noDefaultCredentialsExistBeforeTheBootstrap(Database db) {
        Fixture f = new Fixture(db);

        assertThat(f.count("SELECT COUNT(*) FROM users")).isZero();
        String[][] defaults = {{ADMIN, "admin"}, {ADMIN, "karaf"}, {ADMIN, "danubia"}, {"karaf", "karaf"},
            {"admin", "admin"}};
        for (String[] credentials : defaults) {
            assertThatThrownBy(() -> f.auth.login(credentials[0], pw(credentials[1]), "203.0.113." + credentials[1].length()))
                    .as("%s / %s", credentials[0], credentials[1])
                    .isInstanceOf(UnauthorizedException.class);
        }
        assertThat(f.accounts.activePlatformAdminExists()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void createsTheAdminWithTheSuppliedPasswordOnce(Database db) {
        Fixture f = new Fixture(db);
        char[] supplied = pw("operator-chosen-passphrase");

        Optional<UserAccount> admin = bootstrap(f).ensureAdmin(ADMIN, supplied);

        assertThat(admin).isPresent();
        assertThat(admin.get().roles()).containsExactly(Role.PLATFORM_ADMIN);
        assertThat(admin.get().associationId()).isNull();
        assertThat(supplied).containsOnly('\0');
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
        LoginResult login = f.auth.login(ADMIN, pw("operator-chosen-passphrase"), REMOTE);
        assertThat(f.auth.authenticate(login.token()).orElseThrow().caller().isPlatformAdmin()).isTrue();
        assertThat(f.count("SELECT COUNT(*) FROM audit_log WHERE action = 'admin.bootstrap' AND target = ?",
                "user:" + admin.get().id())).isEqualTo(1);

        // a second start, even with another password, changes nothing
        assertThat(bootstrap(f).ensureAdmin(ADMIN, pw("another-operator-passphrase"))).isEmpty();
        assertThat(bootstrap(f).ensureAdmin(ADMIN, null)).isEmpty();
        assertThat(f.count("SELECT COUNT(*) FROM users")).isEqualTo(1);
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThatThrownBy(() -> f.auth.login(ADMIN, pw("another-operator-passphrase"), REMOTE))
                .isInstanceOf(UnauthorizedException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void generatesAPasswordAndShowsItOnce(Database db) {
        Fixture f = new Fixture(db);

        assertThat(bootstrap(f).ensureAdmin(ADMIN, null)).isPresent();

        String out = console.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("password: (\\S+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        String generated = m.group(1);
        assertThat(generated).hasSize(24);
        assertThat(PasswordPolicy.problem(generated.toCharArray(), ADMIN)).isNull();
        assertThat(f.auth.login(ADMIN, generated.toCharArray(), REMOTE).token()).isNotBlank();

        console.reset();
        assertThat(bootstrap(f).ensureAdmin(ADMIN, null)).isEmpty();
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void refusesAWeakOperatorPassword(Database db) {
        Fixture f = new Fixture(db);

        for (String weak : new String[] {"admin", "karaf", "short-pw", ADMIN}) {
            assertThat(bootstrap(f).ensureAdmin(ADMIN, pw(weak))).as(weak).isEmpty();
        }

        assertThat(f.accounts.activePlatformAdminExists()).isFalse();
        assertThat(f.count("SELECT COUNT(*) FROM users")).isZero();
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DBS)
    void runsAgainWhenNoActivePlatformAdminIsLeft(Database db) {
        Fixture f = new Fixture(db);
        UserAccount first = bootstrap(f).ensureAdmin(ADMIN, pw("operator-chosen-passphrase")).orElseThrow();
        db.transaction(c -> eu.danubia.store.Jdbc.update(c, "UPDATE users SET active = FALSE WHERE id = ?", first.id()));

        // the configured email is taken by the inactive admin: it is not silently revived
        assertThat(bootstrap(f).ensureAdmin(ADMIN, pw("operator-chosen-passphrase"))).isEmpty();
        UserAccount second = bootstrap(f).ensureAdmin("ops@danubia.local", pw("operator-chosen-passphrase")).orElseThrow();

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(f.accounts.activePlatformAdminExists()).isTrue();
    }
}
