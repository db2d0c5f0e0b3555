package eu.danubia.demo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code eu.danubia.demo} ({@code etc/eu.danubia.demo.cfg}). */
@ObjectClassDefinition(id = DemoComponent.PID, name = "DanubIA demo data",
        description = "Demo associations, administrators, organisations and clusters created on first start, and "
                + "invented financial data for the dashboards.")
public @interface DemoConfig {

    @AttributeDefinition(type = AttributeType.PASSWORD, required = false, name = "Demo administrator password",
            description = "Password of every demo administrator created from now on (at least 12 characters, "
                    + "not a common password). Empty: each gets its own generated password, shown once on the "
                    + "console and in the log. Users that already exist keep theirs.")
    String password() default "";

    @AttributeDefinition(required = false, name = "Demo financial data",
            description = "Whether to write invented company records and 2019-2023 financial statements (source "
                    + "'demo': the demo organisations and a synthetic register population of the Danube region) "
                    + "through the ingest service, when it is installed, for the indicators and dashboards.")
    boolean financials() default true;
}
