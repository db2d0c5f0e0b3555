package eu.danubia.connector.sk.ruz.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import eu.danubia.connector.sdk.json.JsonHttp;

/**
 * The RUZ connector. The register's open API names accounting units by its own ids: a list endpoint
 * ({@code uctovne-jednotky?zmenene-od=...}) answers ids page by page, and each unit is then one
 * document ({@code uctovna-jednotka?id=...}). So the pull first asks for the ids — of the configured
 * IČOs, and of every unit changed in the last days when so configured — and then pulls each unit.
 *
 * <p>Configuration PID {@code eu.danubia.connector.sk.ruz}, e.g. {@code etc/eu.danubia.connector.sk.ruz.cfg}:
 * <pre>
 * icos = 50826042,30845572
 * changedWithinDays = 2
 * maxUnits = 5000
 * schedule = 30 5 * * *
 * dropDirectory = /opt/danubia/data/drop/sk-ruz
 * </pre>
 */
@Component(service = {RoutesBuilder.class, Connector.class}, configurationPid = RuzRoutes.PID)
@Designate(ocd = RuzRoutes.Config.class)
public class RuzRoutes extends ConnectorRoutes {

    public static final String ID = RuzReader.SOURCE;
    public static final String PID = "eu.danubia.connector.sk.ruz";
    /** The list endpoint requires a date; the register starts in 1993. */
    static final String EVER = "1993-01-01";
    static final int PAGE = 1000;
    static final int MAX_UNITS = 100_000;
    /** A page of 10,000 ids is about 100 kB. */
    static final int MAX_ID_PAGE_BYTES = 1024 * 1024;

    private static final Pattern ICO = Pattern.compile("\\d{8}");

    @ObjectClassDefinition(name = "DanubIA connector: SK RUZ",
            description = "Slovak accounting units from the Register of Financial Statements (registeruz.sk open API)")
    public @interface Config {
        @AttributeDefinition(description = "When false, neither the schedule nor the drop directory runs; imports only by hand (danubia:import)")
        boolean enabled() default true;

        @AttributeDefinition(description = "Base URL of the RUZ open API (http or https)")
        String baseUrl() default "https://www.registeruz.sk/cruz-public/api/";

        @AttributeDefinition(description = "IČO (8 digits) of the accounting units to pull")
        String[] icos() default {};

        @AttributeDefinition(description = "Also pull every unit changed in this many past days (1-3650); 0: only the IČOs")
        int changedWithinDays() default 0;

        @AttributeDefinition(description = "At most this many units per pull (1-100000), one import each")
        int maxUnits() default 1000;

        @AttributeDefinition(description = "Cron schedule of the pull (minute hour day month weekday, or @daily); empty: by hand only")
        String schedule() default "";

        @AttributeDefinition(description = "Absolute directory watched for dropped RUZ answers; empty: none")
        String dropDirectory() default "";
    }

    private final List<String> icos;
    private final int changedWithinDays;
    private final int maxUnits;
    private final Clock clock;

    @Activate
    public RuzRoutes(@Reference IngestService ingest, Config config) {
        this(ingest, settings(config), icos(config.icos()), changedWithinDays(config.changedWithinDays()),
                maxUnits(config.maxUnits()), Clock.systemUTC());
    }

    RuzRoutes(IngestService ingest, ConnectorSettings settings, List<String> icos, int changedWithinDays, int maxUnits,
            Clock clock) {
        super(ingest, settings);
        this.icos = List.copyOf(icos);
        this.changedWithinDays = changedWithinDays;
        this.maxUnits = maxUnits;
        this.clock = clock;
    }

    static ConnectorSettings settings(Config config) {
        return ConnectorSettings.builder().baseUrl(config.baseUrl())
                .automatic(config.enabled(), config.schedule(), config.dropDirectory()).build();
    }

    static List<String> icos(String[] configured) {
        return ConnectorSettings.distinct("icos", configured, ICO, "an IČO (8 digits)");
    }

    static int changedWithinDays(int days) {
        if (days < 0 || days > 3650) {
            throw new IllegalArgumentException("changedWithinDays must be between 0 and 3650, not " + days);
        }
        return days;
    }

    static int maxUnits(int max) {
        if (max < 1 || max > MAX_UNITS) {
            throw new IllegalArgumentException("maxUnits must be between 1 and " + MAX_UNITS + ", not " + max);
        }
        return max;
    }

    @Override
    protected SourceReader reader() {
        return new RuzReader();
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    /** The units of the configured IČOs, then the recently changed ones, each once, at most {@code maxUnits}. */
    @Override
    protected List<String> pullPaths() {
        JsonHttp http = new JsonHttp(settings(), requestHeaders(), MAX_ID_PAGE_BYTES);
        Set<Long> ids = new LinkedHashSet<>();
        try {
            for (String ico : icos) {
                // the query as the register's own client sends it (recorded in shared/data/registers/sk-ruz)
                ids.addAll(RuzIdPage.of(http.get("uctovne-jednotky?ico=" + ico + "&zmenene-od=" + EVER)).ids());
            }
            if (changedWithinDays > 0) {
                changedSince(http, LocalDate.now(clock).minusDays(changedWithinDays), ids);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(ID + ": asking the register which units to pull failed: " + e.getMessage(), e);
        }
        List<String> paths = new ArrayList<>();
        for (Long id : ids) {
            if (paths.size() == maxUnits) {
                break;
            }
            paths.add("uctovna-jednotka?id=" + id);
        }
        return paths;
    }

    /** Pages through the units changed since {@code since}, continuing after the last id of each page. */
    private void changedSince(JsonHttp http, LocalDate since, Set<Long> ids) throws IOException {
        Long after = null;
        while (ids.size() < maxUnits) {
            int page = Math.min(PAGE, maxUnits - ids.size());
            RuzIdPage answer = RuzIdPage.of(http.get("uctovne-jednotky?zmenene-od=" + since + "&max-zaznamov=" + page
                    + (after == null ? "" : "&pokracovat-za-id=" + after)));
            ids.addAll(answer.ids());
            if (!answer.hasMore()) {
                return;
            }
            long last = answer.ids().get(answer.ids().size() - 1);
            if (after != null && last <= after) {
                throw new IOException("the register's paging does not advance after id " + after);
            }
            after = last;
        }
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
        return "SK";
    }

    @Override
    public String description() {
        return "Slovak accounting units from RUZ (Register účtovných závierok)";
    }
}
