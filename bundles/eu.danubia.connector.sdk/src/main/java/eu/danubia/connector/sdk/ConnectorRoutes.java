package eu.danubia.connector.sdk;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Predicate;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

import eu.danubia.api.ingest.ImportRun;
import eu.danubia.api.ingest.IngestService;
import eu.danubia.connector.sdk.internal.CronSchedule;
import eu.danubia.connector.sdk.internal.DocumentFailedException;
import eu.danubia.connector.sdk.internal.HeaderSanitizer;
import eu.danubia.connector.sdk.internal.ImportEngine;
import eu.danubia.connector.sdk.internal.ImportRequest;
import eu.danubia.connector.sdk.internal.ScheduleGate;
import eu.danubia.connector.sdk.internal.SourceException;
import eu.danubia.connector.sdk.internal.Texts;

/**
 * The Camel routes of one connector. A connector extends this class, gives its {@link #id()}, country,
 * description and {@link #reader()}, and is registered as a DS component offering
 * {@code org.apache.camel.RoutesBuilder} and {@link eu.danubia.api.ingest.Connector}; the platform's one
 * CamelContext ({@code eu.danubia.camel}) adds the routes, and removes exactly them when the connector goes away.
 *
 * <p>Every connector gets, without code of its own:
 * <ul>
 * <li>the sources of its {@link ConnectorSettings}: an HTTP pull of {@link #pullPaths()} below the base URL on a
 * cron schedule, and a drop directory whose files move to {@code .done} or, when they fail as a whole, to
 * {@code .failed};</li>
 * <li>inbound headers removed right after each {@code from(...)}: every {@code Camel*} header and every header not
 * in {@link #allowedHeaders()}; the routes keep their own state in exchange properties;</li>
 * <li>the reader applied streaming, records stored through {@link IngestService} in batches (re-importing the
 * same data stores nothing new), rejected items and records the store refuses ({@code ValidationException})
 * written as dead letters with their source position and reason, and a document that cannot be read to the end
 * dead-lettered as a whole;</li>
 * <li>redelivery with exponential backoff when fetching fails transiently (HTTP 5xx, timeouts, refused or reset
 * connections), none for HTTP 4xx;</li>
 * <li>one import run per document ({@code startRun}/{@code finishRun}) with read, stored, unchanged and rejected
 * counts, readable live through {@link #activeImports()}; and {@link #importNow} for {@code danubia:import}.</li>
 * </ul>
 * No route evaluates an expression language on data: every step is a Java processor or predicate.
 *
 * <p>Route ids are {@code <id>-ingest}, {@code <id>-pull}, and when configured {@code <id>-schedule} and
 * {@code <id>-files}. The connector id must be lower-case letters, digits and hyphens.
 */
public abstract class ConnectorRoutes extends RouteBuilder implements ImportableConnector {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final IngestService ingest;
    private final ConnectorSettings settings;
    private volatile ImportEngine engine;
    private volatile ScheduleGate gate;

    protected ConnectorRoutes(IngestService ingest, ConnectorSettings settings) {
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The reader for one document. Called once per document, so a reader may keep state while it reads; return
     * the same instance every time only if it keeps none (the file drop and the pull may read at the same time).
     */
    protected abstract SourceReader reader();

    /**
     * The paths to pull below the base URL, one import run each: by default the configured paths. Override to
     * build them from data, e.g. one path per company id, encoding data with {@link #segment(String)}. A path
     * that would leave the base URL is refused.
     */
    protected List<String> pullPaths() {
        return settings.paths();
    }

    /**
     * Inbound headers a route may keep (case-insensitive). None by default; {@code Camel*} headers are removed
     * whatever this says.
     */
    protected Set<String> allowedHeaders() {
        return Set.of();
    }

    /** Headers sent with every pull request, e.g. {@code Accept}; credentials belong in configuration, not here. */
    protected Map<String, String> requestHeaders() {
        return Map.of("Accept", "*/*", "User-Agent", "DanubIA-connector/" + id());
    }

    /** The clock of the schedule and the runs; tests override it. */
    protected Clock clock() {
        return Clock.systemUTC();
    }

    public final ConnectorSettings settings() {
        return settings;
    }

    /** One path segment, percent-encoded (everything but {@code A-Z a-z 0-9 - . _ ~}), for {@link #pullPaths()}. */
    public static String segment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        String s = out.toString();
        // "." and ".." are not data but path navigation
        return s.equals(".") || s.equals("..") ? s.replace(".", "%2E") : s;
    }

    @Override
    public final void configure() {
        String id = checkedId();
        ImportEngine engine = new ImportEngine(id, ingest, this::reader, settings, this::requestHeaders, this::clock);
        HeaderSanitizer sanitize = new HeaderSanitizer(allowedHeaders());

        // a failure here (the store is down) is logged once, by the route or caller that started the import
        from(ingestEndpoint(id)).routeId(id + "-ingest")
                .errorHandler(noErrorHandler())
                .process(sanitize)
                .process(engine::start)
                .process(engine::read);

        from(pullEndpoint(id)).routeId(id + "-pull")
                .onException(Exception.class).onWhen(caught(SourceException.Transient.class))
                    .maximumRedeliveries(settings.maxRedeliveries())
                    .redeliveryDelay(settings.redeliveryDelay().toMillis())
                    .useExponentialBackOff()
                    .backOffMultiplier(2.0)
                    .maximumRedeliveryDelay(settings.maxRedeliveryDelay().toMillis())
                    .useCollisionAvoidance()
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .logExhausted(false)
                    .handled(true)
                    .process(engine::fetchFailed)
                .end()
                .onException(Exception.class).onWhen(caught(SourceException.Permanent.class))
                    .maximumRedeliveries(0)
                    .logExhausted(false)
                    .handled(true)
                    .process(engine::fetchFailed)
                .end()
                .process(sanitize)
                .process(engine::start)
                .process(engine::fetch)
                .to(ingestEndpoint(id));

        settings.schedule().ifPresent(cron -> {
            ScheduleGate scheduleGate = new ScheduleGate(CronSchedule.parse(cron), settings.zone(), this::clock);
            long tick = settings.scheduleCheckInterval().toMillis();
            from("timer:" + id + "-schedule?period=" + tick + "&delay=" + tick).routeId(id + "-schedule")
                    .process(sanitize)
                    .filter(scheduleGate)
                        .process(exchange -> exchange.getIn().setBody(scheduledRequests(ProgressListener.NONE)))
                        .split(body())
                            .process(exchange -> exchange.setProperty(ImportRequest.PROPERTY,
                                    exchange.getIn().getBody(ImportRequest.class)))
                            .to(pullEndpoint(id))
                        .end()
                    .end();
            this.gate = scheduleGate;
        });

        settings.dropDirectory().ifPresent(directory -> {
            long stable = settings.fileStableFor().toMillis();
            // the directory passed ConnectorSettings' character allow-list, so it cannot add URI options
            String uri = "file:" + directory.toString().replace('\\', '/')
                    + "?move=.done&moveFailed=.failed&autoCreate=true"
                    + "&readLock=changed&readLockMinLength=0&readLockCheckInterval=" + stable
                    + "&readLockTimeout=" + Math.max(10_000, stable * 5)
                    + "&initialDelay=" + settings.pollInterval().toMillis()
                    + "&delay=" + settings.pollInterval().toMillis();
            from(uri).routeId(id + "-files")
                    .onException(Exception.class).onWhen(caught(DocumentFailedException.class))
                        .handled(false)
                        .logExhausted(false)
                    .end()
                    .process(sanitize)
                    .process(engine::acceptDroppedFile)
                    .to(ingestEndpoint(id))
                    .process(engine::failIfRunFailed);
        });
        this.engine = engine;
    }

    @Override
    public final List<ImportRun> importNow(String source, ProgressListener listener) {
        ProgressListener l = listener == null ? ProgressListener.NONE : listener;
        String id = checkedId();
        CamelContext context = getCamelContext();
        if (engine == null || context == null || !context.isStarted() || context.getRoute(id + "-ingest") == null) {
            throw new IllegalStateException(id + ": the connector's routes are not running");
        }
        List<ImportRequest> requests = source == null || source.isBlank() ? scheduledRequests(l)
                : List.of(request(source.strip(), l));
        List<ImportRun> runs = new ArrayList<>();
        ProducerTemplate template = context.createProducerTemplate();
        try {
            for (ImportRequest request : requests) {
                Exchange done = template.send(request.isPull() ? pullEndpoint(id) : ingestEndpoint(id),
                        exchange -> exchange.setProperty(ImportRequest.PROPERTY, request));
                if (done.getException() != null) {
                    throw new IllegalStateException(id + ": import failed: " + Texts.describe(done.getException()),
                            done.getException());
                }
                runs.add(request.run().toImportRun());
            }
        } finally {
            template.stop();
        }
        return runs;
    }

    @Override
    public final List<ImportProgress> activeImports() {
        ImportEngine e = engine;
        return e == null ? List.of() : e.active();
    }

    /** When the scheduled pull runs next; empty without a schedule or before the routes started ticking. */
    public final Optional<Instant> nextScheduledPull() {
        ScheduleGate g = gate;
        return g == null ? Optional.empty() : Optional.ofNullable(g.next());
    }

    private List<ImportRequest> scheduledRequests(ProgressListener listener) {
        if (settings.baseUrl().isEmpty()) {
            throw new IllegalStateException(id() + ": no baseUrl configured; give a file or a URL");
        }
        List<ImportRequest> requests = new ArrayList<>();
        for (String path : pullPaths()) {
            requests.add(ImportRequest.pull(settings.resolve(path), listener));
        }
        if (requests.isEmpty()) {
            throw new IllegalStateException(id() + ": nothing to pull (no paths configured)");
        }
        return requests;
    }

    private static ImportRequest request(String source, ProgressListener listener) {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            URI url;
            try {
                url = new URI(source);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a valid URL: " + source);
            }
            if (url.getHost() == null || url.getRawUserInfo() != null) {
                throw new IllegalArgumentException("the URL needs a host and no user name or password: " + source);
            }
            return ImportRequest.pull(url, listener);
        }
        Path file;
        try {
            file = Path.of(source);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("neither an http(s) URL nor a file path: " + source);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("no readable file " + file.toAbsolutePath());
        }
        return ImportRequest.file(file, listener);
    }

    /**
     * Matches an exchange that failed with {@code type} (or with it as a cause). Routes name the exceptions they handle
     * through this predicate rather than {@code onException(type)}: Camel resolves the classes of an
     * {@code onException} by name through the shared CamelContext's class resolver, which sees only the Camel
     * bundle's classes, so a route naming this bundle's internal exceptions could not be added in Karaf.
     */
    private static Predicate caught(Class<? extends Exception> type) {
        return exchange -> exchange.getException(type) != null;
    }

    private String checkedId() {
        String id = id();
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalStateException("connector id '" + id + "' must be lower-case letters, digits and hyphens");
        }
        return id;
    }

    private static String ingestEndpoint(String id) {
        return "direct:" + id + "-ingest";
    }

    private static String pullEndpoint(String id) {
        return "direct:" + id + "-pull";
    }
}
