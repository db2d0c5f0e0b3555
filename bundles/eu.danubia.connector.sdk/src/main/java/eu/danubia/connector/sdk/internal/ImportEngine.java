package eu.danubia.connector.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.ingest.IngestService;
import eu.danubia.connector.sdk.ConnectorSettings;
import eu.danubia.connector.sdk.ImportProgress;
import eu.danubia.connector.sdk.Item;
import eu.danubia.connector.sdk.SourceReader;

/**
 * What the steps of a connector's routes do: start a run, fetch or open the document, stream it through the
 * reader into the store in batches, write dead letters, finish the run. Each public method is one route step
 * ({@code .process(engine::read)}); they find their work in the {@link ImportRequest} exchange property.
 */
public final class ImportEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ImportEngine.class);

    private final String connector;
    private final IngestService ingest;
    private final RecordStore store;
    private final Supplier<SourceReader> reader;
    private final ConnectorSettings settings;
    private final Supplier<Map<String, String>> requestHeaders;
    private final Supplier<Clock> clock;
    private final Map<UUID, RunState> active = new ConcurrentHashMap<>();
    private volatile HttpSource http;

    public ImportEngine(String connector, IngestService ingest, Supplier<SourceReader> reader,
            ConnectorSettings settings, Supplier<Map<String, String>> requestHeaders, Supplier<Clock> clock) {
        this.connector = connector;
        this.ingest = ingest;
        this.store = new RecordStore(ingest);
        this.reader = reader;
        this.settings = settings;
        this.requestHeaders = requestHeaders;
        this.clock = clock;
    }

    /** The imports running now, oldest first. */
    public List<ImportProgress> active() {
        return active.values().stream().sorted(Comparator.comparing((RunState r) -> r.startedAt))
                .map(RunState::snapshot).toList();
    }

    /** Route step for the file consumer: turns the dropped file (the message body) into a request. */
    public void acceptDroppedFile(Exchange exchange) {
        GenericFile<?> file = exchange.getIn().getBody(GenericFile.class);
        if (file == null || !(file.getFile() instanceof java.io.File f)) {
            throw new IllegalStateException("the file route received no file");
        }
        exchange.setProperty(ImportRequest.PROPERTY, ImportRequest.dropped(f.toPath()));
        exchange.getIn().setBody(null);
    }

    /** Route step: records the start of the run, unless an earlier step did. */
    public void start(Exchange exchange) {
        ImportRequest request = request(exchange);
        if (request.run != null) {
            return;
        }
        UUID id = ingest.startRun(connector, request.source());
        RunState run = new RunState(id, connector, request.source(), clock.get().instant(), request.listener);
        request.run = run;
        active.put(id, run);
        run.report(true);
    }

    /** Route step: fetches the URL; throws {@link SourceException} for the route's redelivery. */
    public void fetch(Exchange exchange) throws SourceException {
        ImportRequest request = request(exchange);
        request.attempts++;
        Document document;
        try {
            document = http().fetch(request.url, requestHeaders.get());
        } catch (RuntimeException e) {
            // e.g. a request header the JDK client refuses: a connector bug, and another attempt would not help
            throw new SourceException.Permanent("cannot request " + request.url + ": " + Texts.describe(e), null, e);
        }
        request.run.totalBytes = document.size();
        request.document = document;
    }

    /** Route step after the last attempt failed: the document is dead-lettered and the run fails. */
    public void fetchFailed(Exchange exchange) {
        ImportRequest request = request(exchange);
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = e == null ? "fetching failed" : Texts.describe(e);
        if (request.attempts > 1) {
            reason = reason + " (" + request.attempts + " attempts)";
        }
        String payload = e instanceof SourceException s ? s.payload() : "";
        failDocument(request, payload, reason);
    }

    /**
     * Route step: streams the document through the reader into the store and finishes the run. A document that
     * cannot be read to the end is dead-lettered as a whole after its good records are stored; only a failing
     * store stops the route step with an exception.
     */
    public void read(Exchange exchange) {
        ImportRequest request = request(exchange);
        RunState run = request.run;
        String name = request.documentName();
        Batch batch = new Batch(run, name);
        String failure = null;
        try (InputStream in = new CountingInputStream(open(request), run.bytes)) {
            reader.get().read(in, name, batch::accept);
            batch.flush();
        } catch (StoreFailedException e) {
            abort(request, e);
            throw e;
        } catch (IOException | UncheckedIOException e) {
            failure = "cannot read " + name + ": " + Texts.describe(e);
        } catch (RuntimeException e) {
            failure = "the reader failed on " + name + ": " + Texts.describe(e);
        }
        if (failure == null) {
            finish(request, null);
            return;
        }
        try {
            batch.flush();
        } catch (StoreFailedException e) {
            abort(request, e);
            throw e;
        }
        failDocument(request, "", failure);
    }

    /** Route step for dropped files: a failed run makes the file consumer move the file to {@code .failed}. */
    public void failIfRunFailed(Exchange exchange) throws DocumentFailedException {
        ImportRequest request = request(exchange);
        if (request.run != null && request.run.error() != null) {
            throw new DocumentFailedException(request.run.error());
        }
    }

    private InputStream open(ImportRequest request) throws IOException {
        if (request.document == null) {
            Path file = request.file;
            long size = Files.size(file);
            request.run.totalBytes = size;
            request.document = new Document() {
                @Override
                public InputStream open() throws IOException {
                    return Files.newInputStream(file);
                }

                @Override
                public long size() {
                    return size;
                }
            };
        }
        return request.document.open();
    }

    private void failDocument(ImportRequest request, String payload, String reason) {
        RunState run = request.run;
        try {
            store.reject(connector, request.documentName(), payload, reason);
            run.rejected.incrementAndGet();
        } catch (StoreFailedException e) {
            abort(request, e);
            throw e;
        }
        finish(request, reason);
    }

    private void finish(ImportRequest request, String error) {
        RunState run = request.run;
        try {
            ingest.finishRun(run.id, run.read.get(), run.stored.get(), run.unchanged.get(), run.rejected.get(),
                    error == null ? null : Texts.cut(error, Texts.MAX_REASON));
        } catch (RuntimeException e) {
            run.finish(clock.get().instant(), "the run could not be recorded: " + Texts.describe(e));
            active.remove(run.id);
            throw new StoreFailedException("finishing run " + run.id + " failed", e);
        }
        run.finish(clock.get().instant(), error == null ? null : Texts.cut(error, Texts.MAX_REASON));
        active.remove(run.id);
        LOG.info("Import {} of {} {}: {} read, {} stored, {} unchanged, {} rejected{}", run.id, connector,
                run.source, run.read.get(), run.stored.get(), run.unchanged.get(), run.rejected.get(),
                error == null ? "" : " - FAILED");
    }

    /** The store is gone: record what we can and let the exception surface. */
    private void abort(ImportRequest request, StoreFailedException e) {
        RunState run = request.run;
        String error = "stopped: " + Texts.describe(e);
        try {
            ingest.finishRun(run.id, run.read.get(), run.stored.get(), run.unchanged.get(), run.rejected.get(), error);
        } catch (RuntimeException ignored) {
            // the store is down; the run stays RUNNING there and the log below says why
        }
        run.finish(clock.get().instant(), error);
        active.remove(run.id);
        LOG.error("Import {} of {} {} stopped: the ingest store failed", run.id, connector, run.source, e);
    }

    private HttpSource http() {
        HttpSource h = http;
        if (h == null) {
            synchronized (this) {
                if (http == null) {
                    http = new HttpSource(settings.connectTimeout(), settings.requestTimeout());
                }
                h = http;
            }
        }
        return h;
    }

    private static ImportRequest request(Exchange exchange) {
        ImportRequest request = exchange.getProperty(ImportRequest.PROPERTY, ImportRequest.class);
        if (request == null) {
            throw new IllegalStateException("no import request on the exchange");
        }
        return request;
    }

    /** Collects accepted records for the store and writes rejected items as dead letters, counting both. */
    private final class Batch {
        private final RunState run;
        private final String document;
        private final List<RecordStore.Pending> pending = new ArrayList<>();

        Batch(RunState run, String document) {
            this.run = run;
            this.document = document;
        }

        void accept(Item item) {
            run.read.incrementAndGet();
            String position = document + ", " + item.position();
            if (item instanceof Item.Accepted a) {
                pending.add(new RecordStore.Pending(a.record(), position));
                if (pending.size() >= settings.batchSize()) {
                    flush();
                }
            } else if (item instanceof Item.Rejected r) {
                store.reject(connector, position, r.payload(), r.reason());
                run.rejected.incrementAndGet();
            }
            run.report(false);
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<RecordStore.Result> results = store.store(pending);
            for (int i = 0; i < results.size(); i++) {
                RecordStore.Result result = results.get(i);
                if (result.invalid()) {
                    RecordStore.Pending p = pending.get(i);
                    store.reject(connector, p.position(), String.valueOf(p.record()), result.invalidReason());
                    run.rejected.incrementAndGet();
                } else if (result.outcome() == IngestService.Outcome.STORED) {
                    run.stored.incrementAndGet();
                } else {
                    run.unchanged.incrementAndGet();
                }
            }
            pending.clear();
            run.report(false);
        }
    }
}
