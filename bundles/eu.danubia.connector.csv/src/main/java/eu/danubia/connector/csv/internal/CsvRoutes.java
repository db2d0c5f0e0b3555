package eu.danubia.connector.csv.internal;

import java.util.regex.Pattern;

import org.apache.camel.RoutesBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
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
 * One connector per national CSV export, for countries whose registers publish files rather than
 * an API: each factory configuration ({@code etc/eu.danubia.connector.csv~<name>.cfg}) is one
 * connector with its own id, source and column mapping.
 *
 * <pre>
 * id = hu-e-beszamolo
 * country = HU
 * dropDirectory = /opt/danubia/data/drop/hu-e-beszamolo
 * delimiter = ;
 * decimalSeparator = ,
 * dateFormat = yyyy.MM.dd
 * currency = HUF
 * mapping = nationalId=Adószám; name=Cégnév; nace=TEÁOR; city=Település; year=Év; turnover=Nettó árbevétel
 * eurRates = 2023=381.85
 * </pre>
 */
@Component(service = {RoutesBuilder.class, Connector.class}, configurationPid = CsvRoutes.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CsvRoutes.Config.class, factory = true)
public class CsvRoutes extends ConnectorRoutes {

    public static final String FACTORY_PID = "eu.danubia.connector.csv";

    static final Pattern LIST = Pattern.compile("\\s*[;\\n]\\s*");
    static final Pattern WORDS = Pattern.compile("[\\s,;]+");

    @ObjectClassDefinition(name = "DanubIA CSV connector",
            description = "Companies and financial statements from a national CSV export, with the column mapping configured")
    public @interface Config {
        @AttributeDefinition(description = "Connector id, written into every record, e.g. hu-e-beszamolo")
        String id();

        @AttributeDefinition(description = "ISO 3166 country of the records (unless a country column is mapped)")
        String country();

        @AttributeDefinition(description = "What the source is, for operators")
        String description() default "";

        @AttributeDefinition(description = "Base URL of the HTTP pull (http or https); empty: no pull")
        String baseUrl() default "";

        @AttributeDefinition(description = "Paths below the base URL, one import each")
        String[] paths() default {};

        @AttributeDefinition(description = "Cron schedule of the pull (minute hour day month weekday, or @daily); empty: by hand only")
        String schedule() default "";

        @AttributeDefinition(description = "Absolute directory watched for dropped files; empty: none")
        String dropDirectory() default "";

        @AttributeDefinition(description = "false: no scheduled pull and no file drop; imports only by hand (danubia:import)")
        boolean enabled() default true;

        @AttributeDefinition(description = "Field delimiter: one character, or tab")
        String delimiter() default ";";

        @AttributeDefinition(description = "Quote character; empty: the format has no quoting")
        String quote() default "\"";

        @AttributeDefinition(description = "Charset of the files: UTF-8, windows-1250, ISO-8859-2 ... (ASCII-compatible)")
        String charset() default "UTF-8";

        @AttributeDefinition(description = "Line of the column names (1-based); lines before it are skipped")
        int headerLine() default 1;

        @AttributeDefinition(description = "target=column, separated by semicolons; targets: nationalId, name (required), legalForm,"
                + " nace, street, city, postalCode, country, nutsCode, status, foundedOn, year, currency, turnover, employees,"
                + " profitLoss, assets, equity, exports, eurRate; a column is a header name or #n (the n-th column)")
        String[] mapping();

        @AttributeDefinition(description = "Date pattern of foundedOn, e.g. yyyy-MM-dd or dd.MM.yyyy")
        String dateFormat() default "yyyy-MM-dd";

        @AttributeDefinition(description = "Decimal separator of amounts: . or ,")
        String decimalSeparator() default ".";

        @AttributeDefinition(description = "Separator of several NACE codes in one cell; empty: one code per cell")
        String naceSeparator() default "";

        @AttributeDefinition(description = "Reporting currency (ISO 4217) unless a currency column is mapped")
        String currency() default "";

        @AttributeDefinition(description = "Units of the currency per EUR by year, YEAR=RATE, separated by spaces, commas or semicolons")
        String[] eurRates() default {};

        @AttributeDefinition(description = "Source status to the platform's status, value=STATUS separated by semicolons,"
                + " e.g. aktiv=ACTIVE; gelöscht=TERMINATED")
        String[] statusMap() default {};

        @AttributeDefinition(description = "Longest line read, in bytes; longer lines are rejected")
        int maxLineBytes() default DelimitedLines.DEFAULT_MAX_LINE_BYTES;
    }

    private final CsvSettings csv;
    private final String description;

    @Activate
    public CsvRoutes(@Reference IngestService ingest, Config config) {
        this(ingest, ConnectorSettings.builder()
                .baseUrl(config.baseUrl())
                .paths(ConnectorSettings.list(config.paths()))
                .automatic(config.enabled(), config.schedule(), config.dropDirectory())
                .build(),
                CsvSettings.of(config.id(), config.country(), config.delimiter(), config.quote(), config.charset(),
                        config.headerLine(), split(config.mapping(), LIST), config.dateFormat(), config.decimalSeparator(),
                        config.naceSeparator(), config.currency(), split(config.eurRates(), WORDS),
                        split(config.statusMap(), LIST), config.maxLineBytes()),
                config.description());
    }

    /** For tests, which give settings directly. */
    CsvRoutes(IngestService ingest, ConnectorSettings settings, CsvSettings csv, String description) {
        super(ingest, settings);
        this.csv = csv;
        this.description = description == null || description.isBlank() ? "CSV export " + csv.source() : description.strip();
    }

    @Override
    protected SourceReader reader() {
        return new GenericCsvReader(csv);
    }

    @Override
    public String id() {
        return csv.source();
    }

    @Override
    public String country() {
        return csv.country();
    }

    @Override
    public String description() {
        return description;
    }

    /** {@link ConnectorSettings#list(String[], Pattern)}, as the array {@link CsvSettings#of} takes. */
    static String[] split(String[] configured, Pattern separator) {
        return ConnectorSettings.list(configured, separator).toArray(String[]::new);
    }
}
