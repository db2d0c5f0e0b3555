package eu.danubia.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import eu.danubia.api.ForbiddenException;
import eu.danubia.api.UnauthorizedException;
import eu.danubia.api.security.AuthService;
import eu.danubia.api.security.Caller;
import eu.danubia.api.security.Role;
import eu.danubia.web.RequestCaller;

/** The request filters on hand-made requests. */
class FiltersTest {

    private static final Caller MEMBER = new Caller(UUID.randomUUID(), "m@a.eu", UUID.randomUUID(), null, Set.of(Role.MEMBER));
    private static final AuthService AUTH = token -> "good".equals(token)
            ? Optional.of(new AuthService.Session(MEMBER, "csrf-123")) : Optional.empty();

    @Test
    void bearerTokenEstablishesTheCallerWithoutCsrf() {
        FakeRequest r = new FakeRequest("POST").header("Authorization", "Bearer good");
        new AuthFilter(AUTH).filter(r.context());
        assertThat(RequestCaller.of(r.security)).isEqualTo(MEMBER);
        assertThat(r.security.isUserInRole("member")).isTrue();
        assertThat(r.security.isUserInRole("platform-admin")).isFalse();
    }

    @Test
    void aBadBearerTokenIsRefusedNotIgnored() {
        assertThatThrownBy(() -> new AuthFilter(AUTH).filter(new FakeRequest("GET").header("Authorization", "Bearer stale").context()))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> new AuthFilter(AUTH).filter(new FakeRequest("GET").header("Authorization", "Basic a2FyYWY6a2FyYWY=").context()))
                .isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void cookieWritesNeedTheSessionsCsrfToken() {
        assertThatThrownBy(() -> new AuthFilter(AUTH).filter(new FakeRequest("POST").cookie("good").context()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> new AuthFilter(AUTH).filter(new FakeRequest("DELETE").cookie("good").header("X-CSRF-Token", "other").context()))
                .isInstanceOf(ForbiddenException.class);
        FakeRequest ok = new FakeRequest("PUT").cookie("good").header("X-CSRF-Token", "csrf-123");
        new AuthFilter(AUTH).filter(ok.context());
        assertThat(RequestCaller.of(ok.security)).isEqualTo(MEMBER);
        FakeRequest read = new FakeRequest("GET").cookie("good");
        new AuthFilter(AUTH).filter(read.context());
        assertThat(RequestCaller.of(read.security)).isEqualTo(MEMBER);
    }

    @Test
    void aStaleCookieOrNoSecurityModuleMeansAnonymous() {
        FakeRequest stale = new FakeRequest("POST").cookie("expired");
        new AuthFilter(AUTH).filter(stale.context());
        assertThat(RequestCaller.of(stale.security).isAnonymous()).isTrue();
        FakeRequest noModule = new FakeRequest("GET").cookie("good");
        new AuthFilter(null).filter(noModule.context());
        assertThat(RequestCaller.of(noModule.security)).isEqualTo(Caller.ANONYMOUS);
    }

    @Test
    void bodyLimitRefusesDeclaredAndStreamedOversizeBodies() throws Exception {
        BodyLimitFilter limit = new BodyLimitFilter(10);
        FakeRequest declared = new FakeRequest("POST").body(new byte[11]);
        assertThatThrownBy(() -> limit.filter(declared.context()))
                .isInstanceOfSatisfying(WebApplicationException.class, e -> assertThat(e.getResponse().getStatus()).isEqualTo(413));

        FakeRequest chunked = new FakeRequest("POST").body(new byte[11]);
        chunked.length = -1;
        limit.filter(chunked.context());
        assertThatThrownBy(() -> chunked.entity.readAllBytes()).isInstanceOf(WebApplicationException.class);

        FakeRequest small = new FakeRequest("POST").body(new byte[10]);
        limit.filter(small.context());
        assertThat(small.entity.readAllBytes()).hasSize(10);
    }

    @Test
    void corsAnswersPreflightsOnlyForConfiguredOrigins() {
        CorsFilter cors = new CorsFilter(Set.of("https://cluster.example.ro"));
        FakeRequest allowed = new FakeRequest("OPTIONS").header("Origin", "https://cluster.example.ro")
                .header("Access-Control-Request-Method", "POST");
        cors.filter(allowed.context());
        assertThat(allowed.aborted.getHeaderString("Access-Control-Allow-Origin")).isEqualTo("https://cluster.example.ro");
        assertThat(allowed.aborted.getHeaderString("Access-Control-Allow-Credentials")).isNull();

        FakeRequest other = new FakeRequest("OPTIONS").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST");
        cors.filter(other.context());
        assertThat(other.aborted.getHeaderString("Access-Control-Allow-Origin")).isNull();
    }

    /** A minimal ContainerRequestContext: just what the filters use. */
    static final class FakeRequest {
        final String method;
        final Map<String, String> headers = new HashMap<>();
        final Map<String, Cookie> cookies = new HashMap<>();
        InputStream entity = new ByteArrayInputStream(new byte[0]);
        int length = -1;
        boolean hasEntity;
        SecurityContext security;
        Response aborted;

        FakeRequest(String method) {
            this.method = method;
        }

        FakeRequest header(String name, String value) {
            headers.put(name.toLowerCase(), value);
            return this;
        }

        FakeRequest cookie(String token) {
            cookies.put("DANUBIA_SESSION", new Cookie.Builder("DANUBIA_SESSION").value(token).build());
            return this;
        }

        FakeRequest body(byte[] bytes) {
            entity = new ByteArrayInputStream(bytes);
            length = bytes.length;
            hasEntity = true;
            return this;
        }

        ContainerRequestContext context() {
            return (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ContainerRequestContext.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getHeaderString" -> headers.get(((String) args[0]).toLowerCase());
                        case "getCookies" -> cookies;
                        case "getSecurityContext" -> security;
                        case "setSecurityContext" -> {
                            security = (SecurityContext) args[0];
                            yield null;
                        }
                        case "getLength" -> length;
                        case "hasEntity" -> hasEntity;
                        case "getEntityStream" -> entity;
                        case "setEntityStream" -> {
                            entity = (InputStream) args[0];
                            yield null;
                        }
                        case "abortWith" -> {
                            aborted = (Response) args[0];
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }
}
