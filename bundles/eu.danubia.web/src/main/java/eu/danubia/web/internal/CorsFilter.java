package eu.danubia.web.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import eu.danubia.web.Api;

/**
 * Cross-origin policy: only the configured origins may call the API from another site, with
 * bearer tokens (never cookies: no {@code Access-Control-Allow-Credentials}). Also sets the
 * headers every API response carries.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class}, scope = ServiceScope.PROTOTYPE,
        configurationPid = WebConfig.PID)
@JakartarsExtension
@JakartarsName("danubia.cors")
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private final Set<String> allowedOrigins;

    @Activate
    public CorsFilter(WebConfig config) {
        this(Set.of(config.allowedOrigins()));
    }

    CorsFilter(Set<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if ("OPTIONS".equals(request.getMethod()) && origin != null
                && request.getHeaderString("Access-Control-Request-Method") != null) {
            Response.ResponseBuilder preflight = Response.noContent().header("Vary", "Origin");
            if (allowedOrigins.contains(origin)) {
                preflight.header("Access-Control-Allow-Origin", origin)
                        .header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE")
                        .header("Access-Control-Allow-Headers", "Authorization, Content-Type, " + Api.CSRF_HEADER)
                        .header("Access-Control-Max-Age", "600");
            }
            request.abortWith(preflight.build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        String origin = request.getHeaderString("Origin");
        if (origin != null && allowedOrigins.contains(origin)) {
            headers.putSingle("Access-Control-Allow-Origin", origin);
            headers.add("Vary", "Origin");
        }
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
    }
}
