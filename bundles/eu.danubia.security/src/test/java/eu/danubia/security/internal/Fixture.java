package eu.danubia.security.internal;

import eu.danubia.store.testing.MutableClock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import eu.danubia.api.Association;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.NewUser;
import eu.danubia.api.security.Role;
import eu.danubia.api.security.UserAccount;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;

/** The security services wired by hand on one test database, with a clock the test controls. */
final class Fixture {

    static final String PASSWORD = "correct-horse-battery-staple";
    static final String REMOTE = "192.0.2.10";

    final Database db;
    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final SecurityStore store;
    final AuditLogImpl audit;
    final AuthServiceImpl auth;
    final AccountServiceImpl accounts;

    Fixture(Database db) {
        this(db, Settings.defaults());
    }

    Fixture(Database db, Settings settings) {
        this.db = db;
        PasswordHasher hasher = new PasswordHasher();
        store = new SecurityStore(db);
        audit = new AuditLogImpl(store, clock);
        auth = new AuthServiceImpl(store, audit, settings, hasher, clock);
        accounts = new AccountServiceImpl(store, audit, auth, hasher, clock);
    }

    Association association(String slug) {
        return accounts.createAssociation(Caller.SYSTEM, slug, "Cluster " + slug, "SK", "https://" + slug + ".example");
    }

    UserAccount user(String email, UUID associationId, Role... roles) {
        return accounts.createUser(Caller.SYSTEM,
                new NewUser(email, "Test User", pw(PASSWORD), associationId, null, Set.of(roles)));
    }

    LoginResult login(String email) {
        return auth.login(email, pw(PASSWORD), REMOTE);
    }

    Caller caller(UserAccount user) {
        return new Caller(user.id(), user.email(), user.associationId(), user.organisationId(), user.roles());
    }

    long count(String sql, Object... params) {
        return db.read(c -> Jdbc.count(c, sql, params));
    }

    static char[] pw(String password) {
        return password.toCharArray();
    }
}
