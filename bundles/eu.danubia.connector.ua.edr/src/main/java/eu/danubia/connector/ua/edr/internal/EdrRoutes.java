package eu.danubia.connector.ua.edr.internal;

import java.util.Map;

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
 * The EDR connector. The register is published as bulk open data (data.gov.ua), not as an API per
 * company, so the usual source is a JSON export dropped into a directory; a URL serving such an export
 * can be pulled on a schedule as well.
 *
 * <p>Configuration PID {@code eu.danubia.connector.ua.edr}, e.g. {@code etc/eu.danubia.connector.ua.edr.cfg}:
 * <pre>
 * dropDirectory = /opt/danubia/data/drop/ua-edr
 * baseUrl = https://data.example.org/edr/
 * paths = uo-latest.json
 * schedule = 0 2 * * 0
 * </pre>
 */
@Component(service = {RoutesBuilder.class, Connector.class}, configurationPid = EdrRoutes.PID)
@Designate(ocd = EdrRoutes.Config.class)
public class EdrRoutes extends ConnectorRoutes {

    public static final String ID = EdrReader.SOURCE;
    public static final String PID = "eu.danubia.connector.ua.edr";

    @ObjectClassDefinition(name = "DanubIA connector: UA EDR",
            description = "Ukrainian legal entities from the Unified State Register (EDR) open data, as JSON")
    public @interface Config {
        @AttributeDefinition(description = "When false, neither the schedule nor the drop directory runs; imports only by hand (danubia:import)")
        boolean enabled() default true;

        @AttributeDefinition(description = "Base URL of a server publishing EDR JSON exports (http or https); empty: no pull")
        String baseUrl() default "";

        @AttributeDefinition(description = "Paths of the exports below the base URL, one import each")
        String[] paths() default {};

        @AttributeDefinition(description = "Cron schedule of the pull (minute hour day month weekday, or @daily); empty: by hand only")
        String schedule() default "";

        @AttributeDefinition(description = "Absolute directory watched for dropped EDR JSON files; empty: none")
        String dropDirectory() default "";
    }

    @Activate
    public EdrRoutes(@Reference IngestService ingest, Config config) {
        this(ingest, settings(config));
    }

    EdrRoutes(IngestService ingest, ConnectorSettings settings) {
        super(ingest, settings);
    }

    static ConnectorSettings settings(Config config) {
        return ConnectorSettings.builder().baseUrl(config.baseUrl()).paths(ConnectorSettings.list(config.paths()))
                .automatic(config.enabled(), config.schedule(), config.dropDirectory()).build();
    }

    @Override
    protected SourceReader reader() {
        return new EdrReader();
    }

    @Override
    protected Map<String, String> requestHeaders() {
        return Map.of("Accept", "application/json", "User-Agent", "DanubIA-connector/" + ID);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String country() {
        return "UA";
    }

    @Override
    public String description() {
        return "Ukrainian legal entities from the EDR open data (Єдиний державний реєстр)";
    }
}
