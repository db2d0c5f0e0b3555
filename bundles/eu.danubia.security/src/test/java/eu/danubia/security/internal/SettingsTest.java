package eu.danubia.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class SettingsTest {

    private static SecurityConfig config(int sessionHours, int perEmail, String secureCookie) {
        return new SecurityConfig() {
            @Override public Class<? extends Annotation> annotationType() { return SecurityConfig.class; }
            @Override public int sessionHours() { return sessionHours; }
            @Override public int maxFailuresPerEmail() { return perEmail; }
            @Override public int maxFailuresPerIp() { return 20; }
            @Override public int failureWindowMinutes() { return 15; }
            @Override public String initialAdminEmail() { return " Admin@Danubia.Local "; }
            @Override public String secureCookie() { return secureCookie; }
        };
    }

    @Test
    void readsTheConfiguration() {
        Settings s = Settings.of(config(8, 3, "Always"));
        assertThat(s.sessionLifetime()).isEqualTo(Duration.ofHours(8));
        assertThat(s.maxFailuresPerEmail()).isEqualTo(3);
        assertThat(s.failureWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.initialAdminEmail()).isEqualTo("admin@danubia.local");
        assertThat(s.secureCookie()).isEqualTo(Settings.SecureCookie.ALWAYS);
    }

    @Test
    void refusesValuesThatWouldWeakenTheLimits() {
        assertThatThrownBy(() -> Settings.of(config(0, 5, "auto"))).hasMessageContaining("sessionHours");
        assertThatThrownBy(() -> Settings.of(config(12, 0, "auto"))).hasMessageContaining("maxFailuresPerEmail");
        assertThatThrownBy(() -> Settings.of(config(12, 5, "sometimes"))).hasMessageContaining("secureCookie");
    }
}
