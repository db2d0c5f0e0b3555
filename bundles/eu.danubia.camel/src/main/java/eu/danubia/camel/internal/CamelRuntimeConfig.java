package eu.danubia.camel.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Typed configuration of the Camel runtime, PID {@code eu.danubia.camel}. */
@ObjectClassDefinition(
        name = "DanubIA Camel runtime",
        description = "The shared Apache Camel context 'danubia' to which connector bundles add routes.")
public @interface CamelRuntimeConfig {

    @AttributeDefinition(
            name = "Smoke route",
            description = "Run the one-shot route 'danubia-smoke' at start-up (timer, CSV, JSON, log).")
    boolean smokeRoute() default true;
}
