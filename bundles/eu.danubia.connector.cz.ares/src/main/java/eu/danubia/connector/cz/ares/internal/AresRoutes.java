package eu.danubia.connector.cz.ares.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.danubia.api.ingest.Connector;
import eu.danubia.api.ingest.IngestService;
import eu.danubia.connector.sdk.ConnectorRoutes;
import eu.danubia.connector.sdk.ConnectorSettings;
import eu.danubia.connector.sdk.SourceReader;
import eu.danubia.connector.sdk.json.JsonHttp;
import eu.danubia.connector.sdk.json.JsonInput;

/**
 * The ARES connector: {@code GET ekonomicke-subjekty/{ico}} for each configured IČO and for each
 * company an optional search finds ({@code POST ekonomicke-subjekty/vyhledat}, which ARES offers only
 * as POST, so the search runs here and its IČOs are pulled one by one), plus files dropped into a
 * directory (single answers, search answers, or JSON arrays of subjects).
 *
 * <p>Configuration PID {@code eu.danubia.connector.cz.ares}, e.g. {@code etc/eu.danubia.connector.cz.ares.cfg}:
 * <pre>
 * icos = 26168685,45274649
 * searchFilter = {"czNace":["62010"],"sidlo":{"kodObce":554782}}
 * searchLimit = 200
 * schedule = 15 4 * * 1
 * dropDirectory = /opt/danubia/data/drop/cz-ares
 * </pre>
 */
@Component(service = {RoutesBuilder.class, Connector.class}, configurationPid = AresRoutes.PID)
@Designate(ocd = AresRoutes.Config.class)
public class AresRoutes extends ConnectorRoutes {

    public static final String ID = AresReader.SOURCE;
    public static final String PID = "eu.danubia.connector.cz.ares";
    /** ARES returns at most this many subjects for one search. */
    static final int ARES_SEARCH_MAX = 1000;
    static final int SEARCH_PAGE = 100;
    /** A search answer of 1000 subjects is about 1.5 MB. */
    static final int MAX_SEARCH_ANSWER_BYTES = 8 * 1024 * 1024;

    private static final Pattern ICO = Pattern.compile("\\d{8}");

    @ObjectClassDefinition(name = "DanubIA connector: CZ ARES",
            description = "Czech companies from the ARES public REST API (ekonomicke-subjekty)")
    public @interface Config {
        @AttributeDefinition(description = "When false, neither the schedule nor the drop directory runs; imports only by hand (danubia:import)")
        boolean enabled() default true;

        @AttributeDefinition(description = "Base URL of the ARES REST API (http or https)")
        String baseUrl() default "https://ares.gov.cz/ekonomicke-subjekty-v-be/rest/";

        @AttributeDefinition(description = "IČO (8 digits) of the companies to pull, one import each")
        String[] icos() default {};

        @AttributeDefinition(description = "An ARES search filter (a JSON object of EkonomickeSubjektyKomplexFiltr, e.g. {\"czNace\":[\"62010\"]}); the companies it finds are pulled. Empty: no search")
        String searchFilter() default "";

        @AttributeDefinition(description = "At most this many companies from the search (1-1000; ARES answers at most 1000)")
        int searchLimit() default 100;

        @AttributeDefinition(description = "Cron schedule of the pull (minute hour day month weekday, or @daily); empty: by hand only")
        String schedule() default "";

        @AttributeDefinition(description = "Absolute directory watched for dropped ARES answers; empty: none")
        String dropDirectory() default "";
    }

    private final List<String> icos;
    private final ObjectNode searchFilter;
    private final int searchLimit;

    @Activate
    public AresRoutes(@Reference IngestService ingest, Config config) {
        this(ingest, settings(config), icos(config.icos()), searchFilter(config.searchFilter()),
                searchLimit(config.searchLimit()));
    }

    AresRoutes(IngestService ingest, ConnectorSettings settings, List<String> icos, ObjectNode searchFilter, int searchLimit) {
        super(ingest, settings);
        this.icos = List.copyOf(icos);
        this.searchFilter = searchFilter == null ? null : searchFilter.deepCopy();
        this.searchLimit = searchLimit;
    }

    static ConnectorSettings settings(Config config) {
        return ConnectorSettings.builder().baseUrl(config.baseUrl())
                .automatic(config.enabled(), config.schedule(), config.dropDirectory()).build();
    }

    static List<String> icos(String[] configured) {
        return ConnectorSettings.distinct("icos", configured, ICO, "an IČO (8 digits)");
    }

    static ObjectNode searchFilter(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        JsonNode filter;
        try {
            filter = JsonInput.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("searchFilter is not JSON: " + e.getOriginalMessage());
        }
        if (filter == null || !filter.isObject() || filter.isEmpty()) {
            throw new IllegalArgumentException("searchFilter must be a non-empty JSON object (EkonomickeSubjektyKomplexFiltr)");
        }
        return (ObjectNode) filter;
    }

    static int searchLimit(int limit) {
        if (limit < 1 || limit > ARES_SEARCH_MAX) {
            throw new IllegalArgumentException("searchLimit must be between 1 and " + ARES_SEARCH_MAX + ", not " + limit);
        }
        return limit;
    }

    @Override
    protected SourceReader reader() {
        return new AresReader();
    }

    /** The configured IČOs, then those the search finds, each once. */
    @Override
    protected List<String> pullPaths() {
        Set<String> all = new LinkedHashSet<>(icos);
        if (searchFilter != null) {
            all.addAll(search());
        }
        List<String> paths = new ArrayList<>();
        for (String ico : all) {
            paths.add("ekonomicke-subjekty/" + segment(ico));
        }
        return paths;
    }

    /** The IČOs the search finds, page by page, up to the limit. */
    List<String> search() {
        JsonHttp http = new JsonHttp(settings(), requestHeaders(), MAX_SEARCH_ANSWER_BYTES);
        List<String> found = new ArrayList<>();
        int start = 0;
        try {
            while (found.size() < searchLimit) {
                ObjectNode request = searchFilter.deepCopy();
                int page = Math.min(SEARCH_PAGE, searchLimit - found.size());
                request.put("start", start).put("pocet", page);
                JsonNode answer = http.post("ekonomicke-subjekty/vyhledat", request);
                JsonNode subjects = answer.path("ekonomickeSubjekty");
                if (!subjects.isArray()) {
                    throw new IOException("the ARES search answered without 'ekonomickeSubjekty': " + cut(answer.toString()));
                }
                for (JsonNode subject : subjects) {
                    String ico = JsonInput.text(subject, "ico");
                    // subjects without an IČO cannot be pulled by IČO; they are left out
                    if (ico != null && ICO.matcher(ico).matches() && found.size() < searchLimit) {
                        found.add(ico);
                    }
                }
                start += subjects.size();
                long total = answer.path("pocetCelkem").asLong(-1);
                if (subjects.size() < page || (total >= 0 && start >= total)) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(ID + ": the ARES search failed: " + e.getMessage(), e);
        }
        return found;
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
        return "CZ";
    }

    @Override
    public String description() {
        return "Czech companies from ARES (Administrativní registr ekonomických subjektů)";
    }

    private static String cut(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
