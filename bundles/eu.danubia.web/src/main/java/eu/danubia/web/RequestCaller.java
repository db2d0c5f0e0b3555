package eu.danubia.web;

import java.security.Principal;

import jakarta.ws.rs.core.SecurityContext;

import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.security.Caller;

/**
 * The caller of the current request, as the platform's authentication filter established it.
 * Resources take {@code @Context SecurityContext security} and ask this class; they never trust
 * ids or roles sent in the request.
 */
public final class RequestCaller {

    private RequestCaller() {
    }

    /** The caller, or {@link Caller#ANONYMOUS} when the request carries no valid session or token. */
    public static Caller of(SecurityContext security) {
        Principal p = security == null ? null : security.getUserPrincipal();
        return p instanceof CallerPrincipal cp ? cp.caller() : Caller.ANONYMOUS;
    }

    /** The caller, or a 401 problem when the request is anonymous. */
    public static Caller required(SecurityContext security) {
        Caller caller = of(security);
        if (caller.isAnonymous()) {
            throw new UnauthorizedException("Log in first");
        }
        return caller;
    }

    /** The principal the authentication filter puts in the security context. */
    public record CallerPrincipal(Caller caller) implements Principal {

        @Override
        public String getName() {
            return caller.email();
        }
    }
}
