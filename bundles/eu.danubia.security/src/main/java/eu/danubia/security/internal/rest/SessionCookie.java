package eu.danubia.security.internal.rest;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

import eu.danubia.security.internal.Settings.SecureCookie;
import eu.danubia.web.Api;

/** The session cookie's {@code Set-Cookie} values, and the tokens a request presents. */
final class SessionCookie {

    private SessionCookie() {
    }

    /** {@code DANUBIA_SESSION=<token>; Path=/; HttpOnly; SameSite=Strict[; Secure]; Max-Age=<seconds>} */
    static String of(String token, long maxAgeSeconds, boolean secure) {
        return Api.SESSION_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
                + "; Max-Age=" + Math.max(0, maxAgeSeconds);
    }

    /** A cookie that makes the browser drop the session cookie at once. */
    static String expired(boolean secure) {
        return Api.SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
                + "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
    }

    /** auto: Secure when the request came over https, directly or (per X-Forwarded-Proto) through a proxy. */
    static boolean secure(SecureCookie mode, HttpServletRequest request) {
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> request != null && (request.isSecure() || forwardedHttps(request.getHeader("X-Forwarded-Proto")));
        };
    }

    static boolean forwardedHttps(String header) {
        if (header == null) {
            return false;
        }
        // a chain of proxies lists the client-facing protocol first
        String first = header.split(",", 2)[0].trim().toLowerCase(Locale.ROOT);
        return first.equals("https");
    }

    /** The bearer token and the session cookie of the request, whichever are present. */
    static Set<String> tokens(HttpHeaders headers) {
        Set<String> tokens = new LinkedHashSet<>();
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        Cookie cookie = headers.getCookies().get(Api.SESSION_COOKIE);
        if (cookie != null && cookie.getValue() != null && !cookie.getValue().isEmpty()) {
            tokens.add(cookie.getValue());
        }
        return tokens;
    }
}
