package eu.danubia.connector.ro.onrc.internal;

import org.apache.camel.RoutesBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import eu.danubia.api.ingest.Connector;
import eu.danubia.api.ingest.IngestService;
import eu.danubia.connector.sdk.ConnectorRoutes;
import eu.danubia.connector.sdk.ConnectorSettings;
import eu.danubia.connector.sdk.SourceReader;

/**
 * Romanian companies from ONRC's open data ({@code od_firme.csv}), pulled from data.gov.ro and/or
 * dropped into a directory. data.gov.ro publishes a new file under a new address every month, so
 * the usual set-up is the drop directory, or a path updated with each publication.
 *
 * <p>Configuration PID {@code eu.danubia.connector.ro.onrc}, e.g. {@code etc/eu.danubia.connector.ro.onrc.cfg}:
 * <pre>
 * dropDirectory = /opt/danubia/data/drop/ro-onrc
 * baseUrl = https://data.gov.ro/
 * paths = dataset/.../resource/.../download/od_firme.csv
 * schedule = 0 3 5 * *
 * </pre>
 */
@Component(service = {RoutesBuilder.class, Connector.class}, configurationPid = OnrcRoutes.PID)
@Designate(ocd = OnrcRoutes.Config.class)
public class OnrcRoutes extends ConnectorRoutes {

    public static final String ID = OnrcReader.SOURCE;
    public static final String PID = "eu.danubia.connector.ro.onrc";

    @ObjectClassDefinition(name = "DanubIA RO ONRC company register",
            description = "Romanian companies from the trade register's open data (od_firme.csv on data.gov.ro)")
    public @interface Config {
        @AttributeDefinition(description = "Base URL of the HTTP pull (http or https); empty: no pull")
        String baseUrl() default "";

        @AttributeDefinition(description = "Paths below the base URL of the od_firme.csv files to pull, one import each")
        String[] paths() default {};

        @AttributeDefinition(description = "Cron schedule of the pull (minute hour day month weekday, or @daily); empty: by hand only")
        String schedule() default "";

        @AttributeDefinition(description = "Absolute directory watched for od_firme.csv files; empty: none")
        String dropDirectory() default "";

        @AttributeDefinition(description = "false: no scheduled pull and no file drop; imports only by hand (danubia:import)")
        boolean enabled() default true;
    }

    @Activate
    public OnrcRoutes(@Reference IngestService ingest, Config config) {
        this(ingest, ConnectorSettings.builder()
                .baseUrl(config.baseUrl())
                .paths(ConnectorSettings.list(config.paths()))
                .automatic(config.enabled(), config.schedule(), config.dropDirectory())
                .build());
    }

    /** For tests, which give settings directly. */
    OnrcRoutes(IngestService ingest, ConnectorSettings settings) {
        super(ingest, settings);
    }

    @Override
    protected SourceReader reader() {
        return new OnrcReader();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String country() {
        return "RO";
    }

    @Override
    public String description() {
        return "Romania: companies of the trade register (ONRC open data, od_firme.csv)";
    }
}
