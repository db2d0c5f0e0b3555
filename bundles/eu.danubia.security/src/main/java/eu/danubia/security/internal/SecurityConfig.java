package eu.danubia.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration PID {@code eu.danubia.security} ({@code etc/eu.danubia.security.cfg}). */
@ObjectClassDefinition(name = "DanubIA security",
        description = "Sessions, login rate limits and the first platform admin.")
public @interface SecurityConfig {

    @AttributeDefinition(name = "Session lifetime (hours)",
            description = "A session ends this long after its last use (sliding expiry).", min = "1", max = "720")
    int sessionHours() default 12;

    @AttributeDefinition(name = "Failed logins per email",
            description = "Failed logins for one email address within the window before further attempts are refused.",
            min = "1")
    int maxFailuresPerEmail() default 5;

    @AttributeDefinition(name = "Failed logins per client IP",
            description = "Failed logins from one client address within the window before further attempts are refused.",
            min = "1")
    int maxFailuresPerIp() default 20;

    @AttributeDefinition(name = "Failure window (minutes)", min = "1", max = "1440")
    int failureWindowMinutes() default 15;

    @AttributeDefinition(name = "First platform admin",
            description = "Email of the platform admin created when none exists. Its password comes from the "
                    + "environment variable DANUBIA_ADMIN_PASSWORD or the system property danubia.admin.password, "
                    + "else it is generated and printed once.")
    String initialAdminEmail() default "admin@danubia.local";

    @AttributeDefinition(name = "Secure cookie",
            description = "auto: Secure when the request is https or carries X-Forwarded-Proto: https.",
            options = {
                @Option(value = "auto", label = "auto"),
                @Option(value = "always", label = "always"),
                @Option(value = "never", label = "never")
            })
    String secureCookie() default "auto";
}
