package eu.danubia.connector.sdk.example;

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
 * The example connector: company lists in {@link CompanyCsvReader}'s format, pulled from a URL on a schedule
 * and/or dropped into a directory. Everything else (header sanitising, validation, dead letters, redelivery,
 * idempotent storage, runs and progress, {@code danubia:import}) comes from {@link ConnectorRoutes}.
 *
 * <p>Configuration PID {@code eu.danubia.connector.example}, e.g. {@code etc/eu.danubia.connector.example.cfg}:
 * <pre>
 * baseUrl = https://data.example.org/registers/
 * paths = companies.csv, companies-2.csv
 * schedule = 30 3 * * *
 * dropDirectory = /opt/danubia/data/drop/example-csv
 * </pre>
 * Without a configuration the connector still runs, with no sources: {@code danubia:import example-csv <file>}
 * works at once.
 */
@Component(service = {RoutesBuilder.class, Connector.class}, configurationPid = CompanyCsvRoutes.PID)
@Designate(ocd = CompanyCsvRoutes.Config.class)
public class CompanyCsvRoutes extends ConnectorRoutes {

    public static final String ID = "example-csv";
    public static final String PID = "eu.danubia.connector.example";

    @ObjectClassDefinition(name = "DanubIA example CSV connector", description = "Company lists in the SDK's example CSV format")
    public @interface Config {
        @AttributeDefinition(description = "Base URL of the HTTP pull (http or https); empty: no pull")
        String baseUrl() default "";

        @AttributeDefinition(description = "Paths below the base URL, one import each")
        String[] paths() default {};

        @AttributeDefinition(description = "Cron schedule of the pull (minute hour day month weekday, or @daily); empty: by hand only")
        String schedule() default "";

        @AttributeDefinition(description = "Absolute directory watched for dropped files; empty: none")
        String dropDirectory() default "";
    }

    @Activate
    public CompanyCsvRoutes(@Reference IngestService ingest, Config config) {
        this(ingest, ConnectorSettings.builder()
                .baseUrl(config.baseUrl())
                .paths(ConnectorSettings.list(config.paths()))
                .schedule(config.schedule())
                .dropDirectory(config.dropDirectory())
                .build());
    }

    /** For tests, which give settings directly. */
    CompanyCsvRoutes(IngestService ingest, ConnectorSettings settings) {
        super(ingest, settings);
    }

    @Override
    protected SourceReader reader() {
        return new CompanyCsvReader(ID);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String country() {
        return "EU";
    }

    @Override
    public String description() {
        return "Example: company lists in the connector SDK's CSV format";
    }
}
