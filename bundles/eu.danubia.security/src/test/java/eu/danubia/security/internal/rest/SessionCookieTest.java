package eu.danubia.security.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import eu.danubia.security.internal.Settings.SecureCookie;

class SessionCookieTest {

    @Test
    void sessionCookieIsHttpOnlyStrictAndScopedToTheSite() {
        assertThat(SessionCookie.of("tok_en-1", 43200, true))
                .isEqualTo("DANUBIA_SESSION=tok_en-1; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=43200");
        assertThat(SessionCookie.of("tok", 60, false))
                .isEqualTo("DANUBIA_SESSION=tok; Path=/; HttpOnly; SameSite=Strict; Max-Age=60");
    }

    @Test
    void expiredCookieClearsTheSession() {
        assertThat(SessionCookie.expired(false)).startsWith("DANUBIA_SESSION=; Path=/; HttpOnly; SameSite=Strict;")
                .contains("Max-Age=0");
    }

    @Test
    void secureFollowsTheSetting() {
        assertThat(SessionCookie.secure(SecureCookie.ALWAYS, null)).isTrue();
        assertThat(SessionCookie.secure(SecureCookie.NEVER, null)).isFalse();
        assertThat(SessionCookie.secure(SecureCookie.AUTO, null)).isFalse();
    }

    @Test
    void forwardedProtoCountsTheClientFacingHop() {
        assertThat(SessionCookie.forwardedHttps("https")).isTrue();
        assertThat(SessionCookie.forwardedHttps("HTTPS, http")).isTrue();
        assertThat(SessionCookie.forwardedHttps("http, https")).isFalse();
        assertThat(SessionCookie.forwardedHttps(null)).isFalse();
    }
}
