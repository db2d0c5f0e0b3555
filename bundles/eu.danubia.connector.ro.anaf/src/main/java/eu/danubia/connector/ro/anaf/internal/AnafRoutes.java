package eu.danubia.connector.ro.anaf.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
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
 * Romanian financial statements from ANAF's public web service: one pull per configured CUI and
 * year ({@code bilant?an=YEAR&cui=CUI}), and answers saved as files in the drop directory.
 *
 * <p>Configuration PID {@code eu.danubia.connector.ro.anaf}, e.g. {@code etc/eu.danubia.connector.ro.anaf.cfg}:
 * <pre>
 * baseUrl = https://webservicesp.anaf.ro/
 * cuis = 14399840 2816464
 * years = 2022 2023
 * schedule = 0 4 1 7 *
 * dropDirectory = /opt/danubia/data/drop/ro-anaf
 * </pre>
 */
@Component(service = {RoutesBuilder.class, Connector.class}, configurationPid = AnafRoutes.PID)
@Designate(ocd = AnafRoutes.Config.class)
public class AnafRoutes extends ConnectorRoutes {

    public static final String ID = "ro-anaf";
    public static final String PID = "eu.danubia.connector.ro.anaf";

    private static final Pattern CUI = Pattern.compile("(?:RO)?0*([1-9]\\d{0,9})");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    @ObjectClassDefinition(name = "DanubIA RO ANAF financial statements",
            description = "Romanian companies' public financial statement indicators from ANAF (/bilant?an=YEAR&cui=CUI)")
    public @interface Config {
        @AttributeDefinition(description = "Base URL of ANAF's public web services (http or https); empty: no pull")
        String baseUrl() default "https://webservicesp.anaf.ro/";

        @AttributeDefinition(description = "CUIs (fiscal codes, with or without RO) whose statements are pulled, one request"
                + " per CUI and year; several per entry separated by spaces, commas or semicolons")
        String[] cuis() default {};

        @AttributeDefinition(description = "Years to pull, separated by spaces, commas or semicolons; empty: the previous"
                + " calendar year (statements are filed in the year after)")
        String[] years() default {};

        @AttributeDefinition(description = "Cron schedule of the pull (minute hour day month weekday, or @daily); empty: by hand only")
        String schedule() default "";

        @AttributeDefinition(description = "Absolute directory watched for saved ANAF answers (*.json); empty: none")
        String dropDirectory() default "";

        @AttributeDefinition(description = "false: no scheduled pull and no file drop; imports only by hand (danubia:import)")
        boolean enabled() default true;

        @AttributeDefinition(description = "RON per EUR by year, YEAR=RATE (several separated by spaces, commas or semicolons),"
                + " adding to or replacing the bundled BNR annual averages")
        String[] eurRates() default {};
    }

    private final EurRates rates;
    private final List<String> cuis;
    private final List<Integer> years;

    @Activate
    public AnafRoutes(@Reference IngestService ingest, Config config) {
        this(ingest, ConnectorSettings.builder()
                .baseUrl(config.baseUrl())
                .automatic(config.enabled(), config.schedule(), config.dropDirectory())
                .build(), cuis(config.cuis()), years(config.years()),
                EurRates.withOverrides(ConnectorSettings.list(config.eurRates(), SEPARATORS).toArray(String[]::new)));
    }

    /** For tests, which give settings directly. */
    AnafRoutes(IngestService ingest, ConnectorSettings settings, List<String> cuis, List<Integer> years, EurRates rates) {
        super(ingest, settings);
        this.cuis = List.copyOf(cuis);
        this.years = List.copyOf(years);
        this.rates = rates;
    }

    @Override
    protected SourceReader reader() {
        return new AnafBilantReader(rates);
    }

    /** The configured paths, then one {@code bilant?an=YEAR&cui=CUI} per CUI and year. */
    @Override
    protected List<String> pullPaths() {
        List<String> paths = new ArrayList<>(settings().paths());
        List<Integer> wanted = years.isEmpty() ? List.of(LocalDate.now(clock().withZone(settings().zone())).getYear() - 1) : years;
        for (String cui : cuis) {
            for (int year : wanted) {
                paths.add("bilant?an=" + year + "&cui=" + cui);
            }
        }
        return paths;
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
        return "Romania: financial statements of companies from ANAF's public web service (turnover, employees, profit, assets, equity)";
    }

    /** Checked here so that a typo fails the configuration, not a request; the digits alone go into the URL. */
    static List<String> cuis(String[] configured) {
        Set<String> cuis = new LinkedHashSet<>();
        for (String entry : ConnectorSettings.list(configured, SEPARATORS)) {
            if (entry.equalsIgnoreCase("RO")) {
                // "RO 14399840": the prefix came apart from its digits
                continue;
            }
            Matcher m = CUI.matcher(entry.toUpperCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException("cuis: '" + entry + "' is not a CUI (up to 10 digits, optionally after RO)");
            }
            cuis.add(m.group(1));
        }
        return List.copyOf(cuis);
    }

    static List<Integer> years(String[] configured) {
        List<Integer> years = new ArrayList<>();
        for (String entry : ConnectorSettings.list(configured, SEPARATORS)) {
            int year;
            try {
                year = Integer.parseInt(entry);
            } catch (NumberFormatException e) {
                year = -1;
            }
            if (year < 2000 || year > 2100) {
                throw new IllegalArgumentException("years: '" + entry + "' is not a plausible statement year");
            }
            if (!years.contains(year)) {
                years.add(year);
            }
        }
        return years;
    }
}
