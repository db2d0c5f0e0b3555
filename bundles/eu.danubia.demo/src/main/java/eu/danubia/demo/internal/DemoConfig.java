package eu.danubia.demo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code eu.danubia.demo} ({@code etc/eu.danubia.demo.cfg}). */
@ObjectClassDefinition(id = DemoComponent.PID, name = "DanubIA demo data",
        description = "Demo associations, administrators, organisations and clusters created on first start.")
public @interface DemoConfig {

    @AttributeDefinition(type = AttributeType.PASSWORD, required = false, name = "Demo administrator password",
            description = "Password of every demo administrator created from now on (at least 12 characters, "
                    + "not a common password). Empty: each gets its own generated password, shown once on the "
                    + "console and in the log. Users that already exist keep theirs.")
    String password() default "";
}
