package eu.danubia.security.internal;

import java.time.Instant;

import eu.danubia.api.security.UserAccount;

/** A successful login: the session token (shown once, stored only as a hash) and its CSRF token. */
public record LoginResult(String token, String csrfToken, Instant expiresAt, UserAccount user) {

    @Override
    public String toString() { // keeps the token out of logs
        return "LoginResult[user=" + user.id() + ", expiresAt=" + expiresAt + "]";
    }
}
