package eu.danubia.security.internal;

import java.time.Duration;
import java.util.Locale;

/**
 * The checked form of {@link SecurityConfig}. Out-of-range values stop the component with a clear
 * message instead of silently weakening the limits.
 */
public record Settings(
        Duration sessionLifetime,
        int maxFailuresPerEmail,
        int maxFailuresPerIp,
        Duration failureWindow,
        String initialAdminEmail,
        SecureCookie secureCookie) {

    public static final String PID = "eu.danubia.security";

    /** When the session cookie carries the {@code Secure} attribute. */
    public enum SecureCookie {
        AUTO, ALWAYS, NEVER
    }

    public Settings {
        require(!sessionLifetime.isNegative() && !sessionLifetime.isZero()
                && sessionLifetime.compareTo(Duration.ofDays(30)) <= 0, "sessionHours must be between 1 and 720");
        require(maxFailuresPerEmail >= 1, "maxFailuresPerEmail must be at least 1");
        require(maxFailuresPerIp >= 1, "maxFailuresPerIp must be at least 1");
        require(!failureWindow.isNegative() && !failureWindow.isZero()
                && failureWindow.compareTo(Duration.ofDays(1)) <= 0, "failureWindowMinutes must be between 1 and 1440");
        require(initialAdminEmail != null && !initialAdminEmail.isBlank(), "initialAdminEmail is required");
        initialAdminEmail = initialAdminEmail.trim().toLowerCase(Locale.ROOT);
    }

    public static Settings of(SecurityConfig config) {
        return new Settings(
                Duration.ofHours(config.sessionHours()),
                config.maxFailuresPerEmail(),
                config.maxFailuresPerIp(),
                Duration.ofMinutes(config.failureWindowMinutes()),
                config.initialAdminEmail(),
                secureCookie(config.secureCookie()));
    }

    public static Settings defaults() {
        return new Settings(Duration.ofHours(12), 5, 20, Duration.ofMinutes(15), "admin@danubia.local", SecureCookie.AUTO);
    }

    private static SecureCookie secureCookie(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (SecureCookie s : SecureCookie.values()) {
            if (s.name().equals(v)) {
                return s;
            }
        }
        throw new IllegalArgumentException("secureCookie must be auto, always or never, not '" + value + "'");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(Settings.PID + ": " + message);
        }
    }
}
