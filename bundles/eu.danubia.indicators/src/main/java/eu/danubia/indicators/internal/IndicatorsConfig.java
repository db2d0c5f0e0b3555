package eu.danubia.indicators.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DanubIA indicators", description = "Catch-up of the indicator engine, cluster-rating thresholds and small-cell suppression")
public @interface IndicatorsConfig {

    String PID = "eu.danubia.indicators";

    @AttributeDefinition(description = "Seconds between catch-ups that re-read ingest rows changed since the last one (5-3600)")
    int catchUpSeconds() default 30;

    @AttributeDefinition(description = "Seconds a catch-up reaches back before its watermark, for transactions that committed late (0-3600)")
    int overlapSeconds() default 120;

    @AttributeDefinition(description = "SIZE star: share of regions per sector counted as top (European Cluster Observatory: 0.10)")
    double sizeTopShare() default 0.10;

    @AttributeDefinition(description = "SPECIALISATION star: the least location quotient (European Cluster Observatory: 2)")
    double specialisationLq() default 2.0;

    @AttributeDefinition(description = "FOCUS star: share of all region x sector cells counted as top (European Cluster Observatory: 0.10)")
    double focusTopShare() default 0.10;

    @AttributeDefinition(description = "Strong cluster: share of regions per sector by LQ counted as top (US Cluster Mapping: 0.25)")
    double strongTopShare() default 0.25;

    @AttributeDefinition(description = "Aggregates over fewer companies are suppressed for callers who may not see company figures")
    int minCompanies() default 3;
}
