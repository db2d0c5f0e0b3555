package eu.danubia.connector.eurostat.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
 * Regional statistics from Eurostat: each configured dataset pulled from the dissemination API in
 * the TSV bulk format ({@code <code>?format=TSV&compressed=true}), and TSV files (plain or gzip)
 * dropped into a directory, matched to a dataset by their name.
 *
 * <p>Configuration PID {@code eu.danubia.connector.eurostat}, e.g. {@code etc/eu.danubia.connector.eurostat.cfg}:
 * <pre>
 * datasets = nama_10r_3empers sbs_r_nuts06_r2?indic_sb=V11210,V16110
 * schedule = 0 5 * * 1
 * dropDirectory = /opt/danubia/data/drop/eurostat
 * </pre>
 */
@Component(service = {RoutesBuilder.class, Connector.class}, configurationPid = EurostatRoutes.PID)
@Designate(ocd = EurostatRoutes.Config.class)
public class EurostatRoutes extends ConnectorRoutes {

    public static final String ID = "eurostat";
    public static final String PID = "eu.danubia.connector.eurostat";

    /** Dataset specs hold no spaces or semicolons, but commas (in dimension filters). */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s;]+");

    @ObjectClassDefinition(name = "DanubIA Eurostat regional statistics",
            description = "Regional statistics (national accounts, structural business statistics) from Eurostat's TSV bulk format")
    public @interface Config {
        @AttributeDefinition(description = "Base URL of Eurostat's dissemination API (http or https); empty: no pull")
        String baseUrl() default "https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1/data/";

        @AttributeDefinition(description = "Datasets to import, separated by spaces or semicolons: code[?option&...], options"
                + " geoDimension=, naceDimension=, unitDimension= (which key dimension fills the field) or dimension=value,value"
                + " (rows kept)")
        String[] datasets() default {"nama_10r_3empers"};

        @AttributeDefinition(description = "Cron schedule of the pull (minute hour day month weekday, or @daily); empty: by hand only")
        String schedule() default "";

        @AttributeDefinition(description = "Absolute directory watched for TSV files named after their dataset; empty: none")
        String dropDirectory() default "";

        @AttributeDefinition(description = "false: no scheduled pull and no file drop; imports only by hand (danubia:import)")
        boolean enabled() default true;
    }

    private final List<DatasetSpec> datasets;

    @Activate
    public EurostatRoutes(@Reference IngestService ingest, Config config) {
        this(ingest, ConnectorSettings.builder()
                .baseUrl(config.baseUrl())
                .automatic(config.enabled(), config.schedule(), config.dropDirectory())
                .build(), datasets(config.datasets()));
    }

    /** For tests, which give settings directly. */
    EurostatRoutes(IngestService ingest, ConnectorSettings settings, List<DatasetSpec> datasets) {
        super(ingest, settings);
        this.datasets = List.copyOf(datasets);
    }

    @Override
    protected SourceReader reader() {
        return new EurostatReader(datasets);
    }

    /** The configured paths, then one bulk download per dataset. */
    @Override
    protected List<String> pullPaths() {
        List<String> paths = new ArrayList<>(settings().paths());
        for (DatasetSpec dataset : datasets) {
            paths.add(segment(dataset.code()) + "?format=TSV&compressed=true");
        }
        return paths;
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
        return "Eurostat: regional statistics " + datasets.stream().map(DatasetSpec::code).toList();
    }

    static List<DatasetSpec> datasets(String[] configured) {
        List<DatasetSpec> datasets = new ArrayList<>();
        for (String entry : ConnectorSettings.list(configured, SEPARATORS)) {
            DatasetSpec spec = DatasetSpec.parse(entry);
            if (datasets.stream().anyMatch(d -> d.code().equalsIgnoreCase(spec.code()))) {
                throw new IllegalArgumentException("datasets: " + spec.code() + " is configured twice");
            }
            datasets.add(spec);
        }
        return datasets;
    }
}
