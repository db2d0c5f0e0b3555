package eu.danubia.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DanubIA web", description = "HTTP limits and cross-origin policy of the /api")
public @interface WebConfig {

    String PID = "eu.danubia.web";

    @AttributeDefinition(description = "Largest request body accepted, in bytes; larger ones get 413")
    long maxBodyBytes() default 1_048_576;

    @AttributeDefinition(description = "Origins allowed to call the API from a browser on another site, e.g. https://cluster.example.ro; empty: same origin only")
    String[] allowedOrigins() default {};
}
