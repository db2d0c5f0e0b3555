package eu.danubia.security.internal.rest;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.security.AuthService.Session;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.UserAccount;
import eu.danubia.security.internal.AccountServiceImpl;
import eu.danubia.security.internal.AuthServiceImpl;
import eu.danubia.security.internal.LoginResult;
import eu.danubia.security.internal.rest.Json.LoginRequest;
import eu.danubia.security.internal.rest.Json.LoginResponse;
import eu.danubia.security.internal.rest.Json.MeResponse;
import eu.danubia.security.internal.rest.Json.UserJson;
import eu.danubia.web.Api;
import eu.danubia.web.RequestCaller;

/** {@code /api/auth}: login, logout and the current user. */
@Component(service = AuthResource.class)
@JakartarsResource
@JakartarsExtensionSelect(Api.JSON)
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AuthServiceImpl auth;
    private final AccountServiceImpl accounts;

    @Activate
    public AuthResource(@Reference AuthServiceImpl auth, @Reference AccountServiceImpl accounts) {
        this.auth = auth;
        this.accounts = accounts;
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(LoginRequest body, @Context HttpServletRequest request) {
        if (body == null) {
            throw new ValidationException("email", "is required");
        }
        LoginResult result = auth.login(body.email(), body.password(), request.getRemoteAddr());
        long maxAge = Duration.between(Instant.now(), result.expiresAt()).getSeconds();
        boolean secure = SessionCookie.secure(auth.settings().secureCookie(), request);
        return Response.ok(new LoginResponse(result.token(), result.csrfToken(), result.expiresAt(), json(result.user())))
                .header(HttpHeaders.SET_COOKIE, SessionCookie.of(result.token(), maxAge, secure))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** Ends the presented session (cookie and/or bearer token) and clears the cookie; 204 also without one. */
    @POST
    @Path("logout")
    public Response logout(@Context HttpHeaders headers, @Context HttpServletRequest request) {
        for (String token : SessionCookie.tokens(headers)) {
            auth.logout(token);
        }
        return Response.noContent()
                .header(HttpHeaders.SET_COOKIE, SessionCookie.expired(SessionCookie.secure(auth.settings().secureCookie(), request)))
                .build();
    }

    @GET
    @Path("me")
    public Response me(@Context SecurityContext security, @Context HttpHeaders headers) {
        Caller caller = RequestCaller.required(security);
        // the filter authenticated the request; the session itself is needed for its CSRF token
        for (String token : SessionCookie.tokens(headers)) {
            Session session = auth.authenticate(token).orElse(null);
            if (session != null && caller.userId().equals(session.caller().userId())) {
                UserAccount user = accounts.user(caller, caller.userId());
                return Response.ok(new MeResponse(session.csrfToken(), json(user)))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .build();
            }
        }
        throw new UnauthorizedException("Log in first");
    }

    private UserJson json(UserAccount user) {
        return UserJson.of(user, accounts.associationName(user.associationId()).orElse(null));
    }
}
