package eu.danubia.web.internal;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

import eu.danubia.api.ForbiddenException;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.security.AuthService;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.web.Api;
import eu.danubia.web.RequestCaller.CallerPrincipal;

/**
 * Establishes the caller of every request from the session cookie or a bearer token, and
 * enforces CSRF protection: a cookie-authenticated request that changes something must echo the
 * session's CSRF token in {@value Api#CSRF_HEADER}. Bearer tokens are not sent by browsers on
 * their own, so they need no CSRF token. Without the security module everyone is anonymous.
 */
@Component(service = ContainerRequestFilter.class, scope = ServiceScope.PROTOTYPE)
@JakartarsExtension
@JakartarsName("danubia.auth")
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuthService auth;

    public AuthFilter() {
    }

    AuthFilter(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        AuthService service = auth;
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Cookie cookie = request.getCookies().get(Api.SESSION_COOKIE);
        Caller caller = Caller.ANONYMOUS;
        String scheme = null;
        if (header != null && !header.isBlank()) {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new UnauthorizedException("Only Bearer tokens are accepted in the Authorization header");
            }
            Optional<AuthService.Session> session = service == null ? Optional.empty()
                    : service.authenticate(header.substring(7).trim());
            // a presented token that does not work is an error, so clients notice expiry
            caller = session.orElseThrow(() -> new UnauthorizedException("The token is invalid or expired")).caller();
            scheme = "Bearer";
        } else if (cookie != null && service != null) {
            Optional<AuthService.Session> session = service.authenticate(cookie.getValue());
            if (session.isPresent()) {
                if (!SAFE_METHODS.contains(request.getMethod())
                        && !constantTimeEquals(session.get().csrfToken(), request.getHeaderString(Api.CSRF_HEADER))) {
                    throw new ForbiddenException("Missing or wrong " + Api.CSRF_HEADER + " header");
                }
                caller = session.get().caller();
                scheme = "Session";
            }
            // a stale cookie leaves the request anonymous: public pages keep working
        }
        request.setSecurityContext(new CallerSecurityContext(caller, scheme, request.getSecurityContext()));
    }

    private static boolean constantTimeEquals(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private record CallerSecurityContext(Caller caller, String scheme, SecurityContext original) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller.isAnonymous() ? null : new CallerPrincipal(caller);
        }

        @Override
        public boolean isUserInRole(String role) {
            try {
                return caller.has(Role.ofId(role));
            } catch (IllegalArgumentException unknownRole) {
                return false;
            }
        }

        @Override
        public boolean isSecure() {
            return original != null && original.isSecure();
        }

        @Override
        public String getAuthenticationScheme() {
            return scheme;
        }
    }
}
