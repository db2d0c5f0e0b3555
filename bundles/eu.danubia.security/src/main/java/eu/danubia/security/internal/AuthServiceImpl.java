package eu.danubia.security.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import eu.danubia.api.TooManyRequestsException;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.Validator;
import eu.danubia.api.security.AuthService;
import eu.danubia.api.security.Caller;
import eu.danubia.security.internal.SessionRepository.SessionRow;

/**
 * Logins, sessions and the login rate limit.
 *
 * <p>Failed attempts are counted in the database per email and per client address, so every node
 * applies the same limit. Unknown emails cost the same Argon2 work as known ones and get the same
 * answer, so neither timing nor text tells which emails have accounts.
 */
@Component(service = {AuthService.class, AuthServiceImpl.class}, configurationPid = Settings.PID)
@Designate(ocd = SecurityConfig.class)
public class AuthServiceImpl implements AuthService {

    static final String WRONG_CREDENTIALS = "Wrong email or password";

    /** Sliding expiry is written at most this often per session, not on every request. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_TOKEN_LENGTH = 128;

    private final SecurityStore store;
    private final AuditLogImpl audit;
    private final Settings settings;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final String dummyHash;

    @Activate
    public AuthServiceImpl(@Reference SecurityStore store, @Reference AuditLogImpl audit, SecurityConfig config) {
        this(store, audit, Settings.of(config), new PasswordHasher(), Clock.systemUTC());
    }

    AuthServiceImpl(SecurityStore store, AuditLogImpl audit, Settings settings, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.settings = settings;
        this.hasher = hasher;
        this.clock = clock;
        char[] dummy = Secrets.password();
        this.dummyHash = hasher.hash(dummy);
        Secrets.wipe(dummy);
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Checks the credentials and opens a session. Wipes the password.
     *
     * @param remote the client address, for the per-address limit; may be {@code null}
     * @throws UnauthorizedException for a wrong email or password (the same text for both)
     * @throws TooManyRequestsException when the email or the address had too many recent failures
     */
    public LoginResult login(String email, char[] password, String remote) {
        try {
            String normalized = Secrets.normalizeEmail(email);
            new Validator().required("email", normalized)
                    .that(password != null && password.length > 0, "password", "is required")
                    .check();
            Keys keys = Keys.of(normalized, remote);
            Instant now = clock.instant();
            refuseWhenLimited(keys, now);

            Optional<UserRecord> found = store.read(c -> UserRepository.byEmail(c, normalized));
            // the dummy hash keeps the work equal when no such user exists
            boolean matches = hasher.verify(password, found.map(UserRecord::passwordHash).orElse(dummyHash));
            if (found.isPresent() && matches && found.get().active()) {
                return openSession(found.get(), password, keys, now);
            }
            recordFailure(keys, now, found.orElse(null));
            throw new UnauthorizedException(WRONG_CREDENTIALS);
        } finally {
            Secrets.wipe(password);
        }
    }

    /**
     * Checks a logged-in user's current password (before they change it), under the same rate limit
     * as logins, so a stolen session cannot be used to guess it. Does not wipe the password.
     *
     * @throws ValidationException on field {@code currentPassword} when it is wrong
     */
    void verifyCurrentPassword(UserRecord user, char[] password, String remote) {
        Keys keys = Keys.of(user.email(), remote);
        Instant now = clock.instant();
        refuseWhenLimited(keys, now);
        if (password == null || !hasher.verify(password, user.passwordHash())) {
            recordFailure(keys, now, user);
            throw new ValidationException("currentPassword", "is not correct");
        }
    }

    @Override
    public Optional<Session> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String hash = Secrets.sha256Hex(token);
        Instant now = clock.instant();
        return store.transaction(c -> {
            Optional<SessionRow> row = SessionRepository.find(c, hash);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            SessionRow session = row.get();
            if (!session.expiresAt().isAfter(now)) {
                SessionRepository.delete(c, hash);
                return Optional.empty();
            }
            Optional<UserRecord> user = UserRepository.byId(c, session.userId());
            if (user.isEmpty() || !user.get().active()) {
                SessionRepository.delete(c, hash);
                return Optional.empty();
            }
            if (Duration.between(session.lastSeenAt(), now).compareTo(TOUCH_INTERVAL) >= 0) {
                SessionRepository.touch(c, hash, now, now.plus(settings.sessionLifetime()));
            }
            return Optional.of(new Session(user.get().caller(), session.csrfToken()));
        });
    }

    /** Ends the session of the token; true when there was one. */
    public boolean logout(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return false;
        }
        String hash = Secrets.sha256Hex(token);
        return store.transaction(c -> {
            Optional<SessionRow> row = SessionRepository.find(c, hash);
            if (row.isEmpty()) {
                return false;
            }
            SessionRepository.delete(c, hash);
            UUID association = UserRepository.byId(c, row.get().userId()).map(UserRecord::associationId).orElse(null);
            audit.append(c, row.get().userId(), association, "logout", "user:" + row.get().userId());
            return true;
        });
    }

    private LoginResult openSession(UserRecord user, char[] password, Keys keys, Instant now) {
        // upgrade hashes made with older parameters while the password is at hand
        String upgraded = hasher.needsRehash(user.passwordHash()) ? hasher.hash(password) : null;
        String token = Secrets.token();
        String csrf = Secrets.token();
        Instant expires = now.plus(settings.sessionLifetime());
        store.transaction(c -> {
            LoginFailureRepository.clear(c, keys.email());
            SessionRepository.purgeExpired(c, now);
            SessionRepository.insert(c, new SessionRow(Secrets.sha256Hex(token), user.id(), csrf, now, expires, now));
            if (upgraded != null) {
                UserRepository.rehash(c, user.id(), upgraded);
            }
            audit.append(c, user.id(), user.associationId(), "login.success", "user:" + user.id());
            return null;
        });
        return new LoginResult(token, csrf, expires, user.account());
    }

    private void refuseWhenLimited(Keys keys, Instant now) {
        long retryAfter = store.read(c -> Math.max(
                retryAfter(c, keys.email(), settings.maxFailuresPerEmail(), now),
                keys.ip() == null ? 0 : retryAfter(c, keys.ip(), settings.maxFailuresPerIp(), now)));
        if (retryAfter > 0) {
            audit.record(Caller.ANONYMOUS, "login.rate-limited", null);
            throw new TooManyRequestsException(
                    "Too many failed logins; try again in " + retryAfter + " seconds", retryAfter);
        }
    }

    /** Seconds until the key is below its limit again, or 0 when it is below now. */
    private long retryAfter(Connection c, String key, int max, Instant now) throws SQLException {
        List<Instant> recent = LoginFailureRepository.recent(c, key, now.minus(settings.failureWindow()), max);
        if (recent.size() < max) {
            return 0;
        }
        // once the max-th newest failure leaves the window, one attempt is allowed again
        Instant free = recent.get(max - 1).plus(settings.failureWindow());
        long millis = Duration.between(now, free).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private void recordFailure(Keys keys, Instant now, UserRecord user) {
        store.transaction(c -> {
            LoginFailureRepository.purge(c, now.minus(settings.failureWindow()));
            LoginFailureRepository.add(c, keys.email(), now);
            if (keys.ip() != null) {
                LoginFailureRepository.add(c, keys.ip(), now);
            }
            audit.append(c, null, user == null ? null : user.associationId(), "login.failure",
                    user == null ? null : "user:" + user.id());
            return null;
        });
    }

    /** The rate-limit keys: hashes, so the table holds neither emails nor addresses in clear. */
    private record Keys(String email, String ip) {

        static Keys of(String normalizedEmail, String remote) {
            return new Keys(Secrets.sha256Hex("email:" + normalizedEmail),
                    remote == null || remote.isBlank() ? null : Secrets.sha256Hex("ip:" + remote.trim()));
        }
    }
}
