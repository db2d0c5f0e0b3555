package eu.danubia.api.security;

import java.util.Optional;

/** Turns a session or bearer token into the caller it belongs to. */
public interface AuthService {

    /** The authenticated session for a token, or empty when it is unknown or expired. */
    Optional<Session> authenticate(String token);

    /** An authenticated session: its caller and the CSRF token that cookie-authenticated writes must echo. */
    record Session(Caller caller, String csrfToken) {
    }
}
