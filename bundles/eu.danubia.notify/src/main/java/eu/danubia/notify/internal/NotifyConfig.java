package eu.danubia.notify.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Typed configuration of notifications, PID {@code eu.danubia.notify}. */
@ObjectClassDefinition(id = NotifyConfig.PID, name = "DanubIA notifications",
        description = "E-mail delivery of notifications over SMTP; in-app notifications need no configuration")
public @interface NotifyConfig {

    String PID = "eu.danubia.notify";

    @AttributeDefinition(name = "SMTP host", description = "Mail server host name; empty turns e-mail off (in-app notifications still work)")
    String smtpHost() default "";

    @AttributeDefinition(name = "SMTP port", description = "587 for STARTTLS, 465 for SSL, 25 for a local relay")
    int smtpPort() default 587;

    @AttributeDefinition(name = "TLS", description = "STARTTLS (required, not opportunistic), SSL (SMTPS) or NONE")
    Tls tls() default Tls.STARTTLS;

    @AttributeDefinition(name = "User name", description = "SMTP login; empty: send without authentication")
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, description = "SMTP password")
    String password() default "";

    @AttributeDefinition(name = "From", description = "Sender of the e-mails, e.g. DanubIA <noreply@danubia.local>")
    String from() default "DanubIA <noreply@danubia.local>";

    @AttributeDefinition(name = "Public URL", description = "Address of the web shell as users reach it; links in e-mails start with it")
    String publicUrl() default "http://localhost:8181";
}
