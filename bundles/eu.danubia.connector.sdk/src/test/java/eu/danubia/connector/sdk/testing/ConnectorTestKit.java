package eu.danubia.connector.sdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.danubia.api.ingest.ImportRun;
import eu.danubia.api.ingest.IngestService;
import eu.danubia.connector.sdk.ConnectorRoutes;
import eu.danubia.connector.sdk.ConnectorSettings;
import eu.danubia.connector.sdk.Item;
import eu.danubia.connector.sdk.ProgressListener;
import eu.danubia.connector.sdk.SourceReader;
import eu.danubia.connector.sdk.internal.ImportRequest;
import eu.danubia.connector.sdk.testing.InMemoryIngestService.Call;
import eu.danubia.connector.sdk.testing.InMemoryIngestService.DeadLetter;

/**
 * The standard checks every connector passes, as JUnit 5 tests. Extend it, give your fixtures (source documents
 * with exactly the records they hold) and your reader or your {@link ConnectorRoutes}, and the kit runs them
 * through the real routes in a plain Camel context, pulling over a local HTTP server and dropping files into a
 * temporary directory:
 *
 * <ul>
 * <li><b>mapping</b>: each fixture, pulled over HTTP, gives exactly its expected records and rejects exactly its
 * expected positions;</li>
 * <li><b>idempotency</b>: dropping the same files a second time stores nothing new: every record UNCHANGED;</li>
 * <li><b>bad input</b>: a truncated document, invalid UTF-8 and a 10 MB line end in dead letters with a position
 * and a reason (or a failed run), the good rows around them are still stored (for {@link #recordPerLine()}
 * formats), the file moves to {@code .done} or {@code .failed}, and the route reads the next document;</li>
 * <li><b>hostile headers</b>: a message with {@code CamelHttpUri}, {@code CamelFileName} and similar headers
 * changes neither what is fetched, nor where files go, nor what is stored;</li>
 * <li><b>redelivery</b>: a source answering 503 twice is retried and imported; a 404 is not retried.</li>
 * </ul>
 *
 * <p>The store is an {@link InMemoryIngestService}: these tests check what the connector hands to the store, and
 * the store has its own tests on H2 and PostgreSQL. The example connector in
 * {@code eu.danubia.connector.sdk.example} shows a complete subclass.
 */
public abstract class ConnectorTestKit {

    /** Fixtures are served below this path. */
    public static final String FIXTURE_PATH = "/fixtures/";

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int TEN_MB = 10 * 1024 * 1024;

    @TempDir
    Path kitTemp;

    /** The store the connector writes to; fresh for every test. */
    protected InMemoryIngestService ingest;
    /** Serves every fixture at {@code /fixtures/<name>}. */
    protected FixtureServer server;
    /** The connector under test, its routes running in {@link #camel}. */
    protected ConnectorRoutes routes;
    protected DefaultCamelContext camel;
    /** The drop directory of the connector. */
    protected Path drop;
    private List<Fixture> fixtures;

    // ---- what a connector test gives ----

    /** The source documents and the records each must give; at least one must hold records. */
    protected abstract List<Fixture> fixtures();

    /** The reader under test, when the kit should build plain routes around it; else override {@link #routes}. */
    protected SourceReader reader() {
        throw new UnsupportedOperationException("override reader() or routes(IngestService, ConnectorSettings)");
    }

    /** The connector id for routes the kit builds around {@link #reader()}. */
    protected String connectorId() {
        return "kit-connector";
    }

    /**
     * The connector's routes with the kit's settings (a local base URL and a temporary drop directory). Override
     * to test your own {@link ConnectorRoutes} subclass: {@code return new AresRoutes(ingest, settings);}.
     */
    protected ConnectorRoutes routes(IngestService ingest, ConnectorSettings settings) {
        return new ReaderRoutes(connectorId(), this::reader, ingest, settings);
    }

    /**
     * Whether every line of the fixtures is one record (CSV, TSV, JSON lines). Then a broken line must cost only
     * that line: the kit checks the records around it are still stored and the line itself is dead-lettered.
     * Otherwise (one JSON or XML document) the kit checks that the broken document is noticed.
     */
    protected boolean recordPerLine() {
        return false;
    }

    /** Changes the kit's settings before the routes are built, e.g. to add configuration your routes read. */
    protected ConnectorSettings.Builder settings(ConnectorSettings.Builder kitSettings) {
        return kitSettings;
    }

    // ---- set-up ----

    @BeforeEach
    final void startConnector() throws Exception {
        fixtures = List.copyOf(fixtures());
        assertThat(fixtures).as("fixtures").isNotEmpty();
        assertThat(fixtures.stream().map(Fixture::name).distinct().count()).as("fixture names are unique")
                .isEqualTo(fixtures.size());
        assertThat(fixtures).as("at least one fixture holds records").anyMatch(f -> !f.expected().isEmpty());
        ingest = new InMemoryIngestService();
        server = FixtureServer.start();
        for (Fixture f : fixtures) {
            server.serve(FIXTURE_PATH + f.name(), f.content());
        }
        drop = kitTemp.resolve("drop");
        Files.createDirectories(drop);
        ConnectorSettings settings = settings(ConnectorSettings.builder()
                .baseUrl(server.baseUrl())
                .dropDirectory(drop.toString())
                .pollInterval(Duration.ofMillis(100))
                .fileStableFor(Duration.ofMillis(50))
                .redelivery(3, Duration.ofMillis(20), Duration.ofMillis(200))
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(20))
                .batchSize(2)).build();
        routes = routes(ingest, settings);
        camel = new DefaultCamelContext();
        camel.addRoutes(routes);
        camel.start();
    }

    @AfterEach
    final void stopConnector() {
        if (camel != null) {
            camel.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    // ---- the standard checks ----

    @Test
    void routeIdsStartWithTheConnectorId() {
        assertThat(camel.getRoutes()).extracting(Route::getRouteId)
                .isNotEmpty()
                .allMatch(id -> id.startsWith(routes.id() + "-"), "starts with " + routes.id() + "-");
    }

    @Test
    void eachFixtureGivesExactlyItsRecords() {
        for (Fixture f : fixtures) {
            ingest.clearCalls();
            ImportRun run = single(routes.importNow(server.url(FIXTURE_PATH + f.name()).toString(), ProgressListener.NONE));
            assertThat(run.state()).as("run of %s (error: %s)", f.name(), run.error()).isEqualTo("DONE");
            assertThat(storedRecords()).as("records of %s", f.name()).containsExactlyInAnyOrderElementsOf(f.expected());
            String document = FIXTURE_PATH + f.name();
            assertThat(deadLetterPositions(document)).as("rejected positions of %s", f.name())
                    .containsExactlyInAnyOrderElementsOf(f.rejectedPositions().stream().map(p -> document + ", " + p).toList());
            assertThat(run.read()).as("items read from %s", f.name()).isEqualTo(f.expected().size() + f.rejectedPositions().size());
            assertThat(run.stored() + run.unchanged()).as("records stored from %s", f.name()).isEqualTo(f.expected().size());
            assertThat(run.rejected()).as("rejected in %s", f.name()).isEqualTo(f.rejectedPositions().size());
        }
        assertWellFormedDeadLetters();
    }

    @Test
    void droppingTheSameFilesAgainStoresNothingNew() throws IOException {
        for (Fixture f : fixtures) {
            dropFile(f.name(), f.content());
        }
        awaitRuns(fixtures.size());
        List<Object> recordsAfterFirst = ingest.records();
        List<DeadLetter> deadLettersAfterFirst = ingest.deadLetters();
        assertThat(ingest.allRuns()).allMatch(r -> "DONE".equals(r.state()), "all DONE");
        for (Fixture f : fixtures) {
            assertThat(drop.resolve(".done").resolve(f.name())).as("moved to .done").exists();
        }
        ingest.clearCalls();

        for (Fixture f : fixtures) {
            dropFile(f.name(), f.content());
        }
        awaitRuns(2 * fixtures.size());
        List<ImportRun> second = ingest.allRuns().subList(fixtures.size(), 2 * fixtures.size());
        Map<String, Fixture> byName = new LinkedHashMap<>();
        fixtures.forEach(f -> byName.put(f.name(), f));
        for (ImportRun run : second) {
            Fixture f = byName.get(Path.of(run.source()).getFileName().toString());
            assertThat(run.state()).as("second run of %s", f.name()).isEqualTo("DONE");
            assertThat(run.stored()).as("records stored again from %s", f.name()).isZero();
            assertThat(run.unchanged()).as("unchanged records of %s", f.name()).isEqualTo(f.expected().size());
            assertThat(run.rejected()).as("rejected in %s", f.name()).isEqualTo(f.rejectedPositions().size());
        }
        assertThat(ingest.calls()).as("store calls of the second round").allMatch(c -> c.outcome() == IngestService.Outcome.UNCHANGED);
        assertThat(ingest.records()).as("records after the second round").isEqualTo(recordsAfterFirst);
        assertThat(ingest.deadLetters()).as("dead letters after the second round").isEqualTo(deadLettersAfterFirst);
    }

    @Test
    void aTruncatedDocumentIsNoticedAndTheRouteGoesOn() throws IOException {
        Fixture f = richest();
        byte[] content = f.content();
        int cut = content.length / 2;
        if (recordPerLine()) {
            // cut inside a line, not at its end, so one line is really broken
            int lineEnd = indexOf(content, (byte) '\n', cut);
            int lineStart = lastIndexOf(content, (byte) '\n', cut - 1) + 1;
            cut = lineEnd < 0 ? (lineStart + content.length) / 2 : Math.max(lineStart + 1, (lineStart + lineEnd) / 2);
        }
        ImportRun run = importBroken(f, Arrays.copyOf(content, cut));
        if (recordPerLine()) {
            List<Object> unexpected = new ArrayList<>(storedRecords());
            unexpected.removeAll(f.expected());
            assertThat(unexpected).as("records from the truncated %s that are not in the fixture (at most the cut line)",
                    f.name()).hasSizeLessThanOrEqualTo(1);
        } else {
            assertNoticed(run, "truncated " + f.name());
        }
        assertRecovers(f);
    }

    @Test
    void invalidUtf8IsNoticedAndTheRouteGoesOn() throws IOException {
        Fixture f = richest();
        byte[] bad = {(byte) 0xFF, (byte) 0xFE, ' ', 'b', 'r', 'o', 'k', 'e', 'n', ' ', (byte) 0xC3, '(', ' ', (byte) 0xE2, (byte) 0x82};
        if (recordPerLine()) {
            int at = middleLineStart(f.content());
            ImportRun run = importBroken(f, insert(f.content(), at, line(bad)));
            assertGoodLinesKept(f, run, lineNumberAt(f.content(), at));
        } else {
            ImportRun run = importBroken(f, insert(f.content(), f.content().length / 2, bad));
            assertNoticed(run, f.name() + " with invalid UTF-8");
        }
        assertRecovers(f);
    }

    @Test
    void aTenMegabyteLineIsNoticedAndTheRouteGoesOn() throws IOException {
        Fixture f = richest();
        byte[] huge = new byte[TEN_MB];
        Arrays.fill(huge, (byte) 'x');
        if (recordPerLine()) {
            int at = middleLineStart(f.content());
            ImportRun run = importBroken(f, insert(f.content(), at, line(huge)));
            assertGoodLinesKept(f, run, lineNumberAt(f.content(), at));
        } else {
            ImportRun run = importBroken(f, insert(f.content(), 0, line(huge)));
            assertNoticed(run, f.name() + " starting with a 10 MB line");
        }
        assertRecovers(f);
    }

    @Test
    void hostileCamelHeadersChangeNothing() throws IOException {
        Fixture f = richest();
        URI url = server.url(FIXTURE_PATH + f.name());
        Path elsewhere = kitTemp.resolve("elsewhere");
        Files.createDirectories(elsewhere);
        Map<String, Object> hostile = new LinkedHashMap<>();
        hostile.put("CamelHttpUri", server.url("/evil").toString());
        hostile.put("CamelHttpPath", "/evil");
        hostile.put("CamelHttpQuery", "evil=1");
        hostile.put("CamelHttpMethod", "DELETE");
        hostile.put("CamelFileName", "../escaped.txt");
        hostile.put("CamelOverruleFileName", "../escaped.txt");
        hostile.put("CamelFileParent", elsewhere.toString());
        hostile.put("CamelFilePath", elsewhere.resolve("escaped.txt").toString());
        hostile.put("camelhttpuri", server.url("/evil-lower-case").toString());
        hostile.put("Authorization", "Bearer stolen");
        hostile.put("X-Forwarded-Host", "evil.example");

        Path local = kitTemp.resolve("local").resolve(f.name());
        Files.createDirectories(local.getParent());
        Files.write(local, f.content());
        ProducerTemplate template = camel.createProducerTemplate();
        try {
            ImportRequest pull = ImportRequest.pull(url, ProgressListener.NONE);
            ImportRequest file = ImportRequest.file(local, ProgressListener.NONE);
            for (ImportRequest request : List.of(pull, file)) {
                ingest.clearCalls();
                Exchange done = template.send("direct:" + routes.id() + (request.isPull() ? "-pull" : "-ingest"), e -> {
                    e.setProperty(ImportRequest.PROPERTY, request);
                    e.getIn().setHeaders(new LinkedHashMap<>(hostile));
                });
                assertThat(done.getException()).as("exception").isNull();
                assertThat(done.getIn().getHeaders().keySet()).as("headers left on the message")
                        .doesNotContainAnyElementsOf(hostile.keySet());
                ImportRun run = request.run().toImportRun();
                assertThat(run.state()).as("run with hostile headers (error: %s)", run.error()).isEqualTo("DONE");
                assertThat(run.source()).as("run source").isEqualTo(request.isPull() ? url.toString() : local.toString());
                assertThat(storedRecords()).as("records with hostile headers").containsExactlyInAnyOrderElementsOf(f.expected());
            }
        } finally {
            template.stop();
        }
        assertThat(server.requestedPaths()).as("requests made").containsExactly(FIXTURE_PATH + f.name());
        assertThat(server.requests().get(0).headers()).as("request headers").doesNotContainKeys("Authorization", "X-Forwarded-Host");
        try (Stream<Path> files = Files.walk(kitTemp)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("files under the test directory")
                    .doesNotContain("escaped.txt");
        }
        assertThat(local).as("the imported file stays where it was").exists();
        assertThat(ingest.deadLetters()).extracting(DeadLetter::position).noneMatch(p -> p.contains("escaped"));
    }

    @Test
    void transientHttpErrorsAreRetriedAndClientErrorsAreNot() {
        Fixture f = richest();
        String url = server.url(FIXTURE_PATH + f.name()).toString();

        server.failFirst(2, 503);
        ImportRun retried = single(routes.importNow(url, ProgressListener.NONE));
        assertThat(retried.state()).as("run after two 503 answers (error: %s)", retried.error()).isEqualTo("DONE");
        assertThat(storedRecords()).containsExactlyInAnyOrderElementsOf(f.expected());
        assertThat(server.requestedPaths()).as("requests: two failed, one good").hasSize(3);

        server.clearRequests();
        server.failFirst(100, 503);
        ImportRun exhausted = single(routes.importNow(url, ProgressListener.NONE));
        server.failFirst(0);
        assertThat(exhausted.state()).isEqualTo("FAILED");
        assertThat(exhausted.error()).contains("503").contains("4 attempts");
        assertThat(server.requestedPaths()).as("requests: the first and three redeliveries").hasSize(4);

        server.clearRequests();
        ImportRun missing = single(routes.importNow(server.url("/fixtures/missing.file").toString(), ProgressListener.NONE));
        assertThat(missing.state()).isEqualTo("FAILED");
        assertThat(missing.error()).contains("404");
        assertThat(server.requestedPaths()).as("a 404 is not retried").hasSize(1);
        assertThat(ingest.deadLetters()).extracting(DeadLetter::position).contains("/fixtures/missing.file");
        assertWellFormedDeadLetters();
    }

    // ---- helpers a subclass may use in its own tests ----

    /** Drops a file into the drop directory the way a copy should: written aside, then renamed in. */
    protected final void dropFile(String name, byte[] content) throws IOException {
        Path part = drop.resolve("." + name + ".part");
        Files.write(part, content);
        Files.move(part, drop.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Waits until {@code count} runs have finished and the drop directory is empty again. */
    protected final List<ImportRun> awaitRuns(int count) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<ImportRun> runs = ingest.allRuns();
            return runs.size() >= count && runs.stream().allMatch(r -> r.finishedAt() != null) && dropIsEmpty();
        });
        return ingest.allRuns();
    }

    /** The records handed to the store since the last {@link InMemoryIngestService#clearCalls()}. */
    protected final List<Object> storedRecords() {
        return ingest.calls().stream().map(Call::record).toList();
    }

    // ---- internals ----

    private ImportRun importBroken(Fixture f, byte[] broken) throws IOException {
        int before = ingest.allRuns().size();
        ingest.clearCalls();
        dropFile(f.name(), broken);
        ImportRun run = awaitRuns(before + 1).get(before);
        assertThat(run.finishedAt()).isNotNull();
        if ("FAILED".equals(run.state())) {
            assertThat(run.error()).as("error of the failed run").isNotBlank();
            assertThat(run.stored() + run.unchanged() + run.rejected()).as("counts of a failed run: the document itself is one dead letter")
                    .isEqualTo(run.read() + 1);
            assertThat(drop.resolve(".failed").resolve(f.name())).as("a failed file moves to .failed").exists();
        } else {
            assertThat(run.state()).isEqualTo("DONE");
            assertThat(run.stored() + run.unchanged() + run.rejected()).as("counts: every item read is stored, unchanged or rejected")
                    .isEqualTo(run.read());
            assertThat(drop.resolve(".done").resolve(f.name())).as("a read file moves to .done").exists();
        }
        assertWellFormedDeadLetters();
        return run;
    }

    private void assertGoodLinesKept(Fixture f, ImportRun run, long brokenLine) {
        assertThat(run.state()).as("a broken line fails only itself, not %s (error: %s)", f.name(), run.error()).isEqualTo("DONE");
        assertThat(storedRecords()).as("the good records of %s around the broken line", f.name()).containsAll(f.expected());
        assertThat(deadLetterPositions(f.name())).as("dead letters of %s", f.name()).contains(f.name() + ", line " + brokenLine);
    }

    private void assertNoticed(ImportRun run, String what) {
        assertThat("FAILED".equals(run.state()) || run.rejected() > 0)
                .as("%s must fail its run or leave dead letters, but the run is %s with nothing rejected", what, run.state())
                .isTrue();
    }

    private void assertRecovers(Fixture f) throws IOException {
        int before = ingest.allRuns().size();
        ingest.clearCalls();
        dropFile(f.name(), f.content());
        ImportRun run = awaitRuns(before + 1).get(before);
        assertThat(run.state()).as("the good %s after a broken one (error: %s)", f.name(), run.error()).isEqualTo("DONE");
        assertThat(storedRecords()).as("records of the good %s after a broken one", f.name())
                .containsExactlyInAnyOrderElementsOf(f.expected());
        assertThat(camel.getRoutes()).allMatch(r -> camel.getRouteController().getRouteStatus(r.getRouteId()) == ServiceStatus.Started,
                "every route still started");
    }

    private void assertWellFormedDeadLetters() {
        for (DeadLetter d : ingest.deadLetters()) {
            assertThat(d.source()).as("dead letter source").isEqualTo(routes.id());
            assertThat(d.position()).as("dead letter position").isNotBlank();
            assertThat(d.reason()).as("reason of the dead letter at %s", d.position()).isNotBlank().hasSizeLessThanOrEqualTo(1000);
            assertThat(d.payload()).as("payload of the dead letter at %s", d.position()).hasSizeLessThanOrEqualTo(Item.Rejected.MAX_PAYLOAD);
        }
    }

    private List<String> deadLetterPositions(String document) {
        return ingest.deadLetters().stream().map(DeadLetter::position).filter(p -> p.startsWith(document + ", ")).toList();
    }

    private boolean dropIsEmpty() throws IOException {
        try (Stream<Path> files = Files.list(drop)) {
            return files.noneMatch(p -> Files.isRegularFile(p));
        }
    }

    private Fixture richest() {
        return fixtures.stream().filter(f -> f.rejectedPositions().isEmpty())
                .max(Comparator.comparingInt(f -> f.expected().size()))
                .filter(f -> !f.expected().isEmpty())
                .orElseGet(() -> fixtures.stream().max(Comparator.comparingInt(f -> f.expected().size())).orElseThrow());
    }

    private static ImportRun single(List<ImportRun> runs) {
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }

    private static byte[] line(byte[] content) {
        byte[] l = Arrays.copyOf(content, content.length + 1);
        l[content.length] = '\n';
        return l;
    }

    /** Where the line after the middle of the document starts (or the end, for a document without one). */
    private static int middleLineStart(byte[] content) {
        int nl = indexOf(content, (byte) '\n', content.length / 2);
        if (nl < 0) {
            nl = lastIndexOf(content, (byte) '\n', content.length - 1);
        }
        return nl < 0 ? content.length : nl + 1;
    }

    private static long lineNumberAt(byte[] content, int offset) {
        long lines = 1;
        for (int i = 0; i < offset; i++) {
            if (content[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static byte[] insert(byte[] content, int at, byte[] part) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + part.length + 1);
        out.write(content, 0, at);
        if (at > 0 && at == content.length && content[at - 1] != '\n' && part.length > 0 && part[part.length - 1] == '\n') {
            out.write('\n');
        }
        out.write(part, 0, part.length);
        out.write(content, at, content.length - at);
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = Math.max(0, from); i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte b, int from) {
        for (int i = Math.min(from, bytes.length - 1); i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Plain routes around a reader, for tests that give only {@link #reader()}. */
    private static final class ReaderRoutes extends ConnectorRoutes {
        private final String id;
        private final Supplier<SourceReader> reader;

        ReaderRoutes(String id, Supplier<SourceReader> reader, IngestService ingest, ConnectorSettings settings) {
            super(ingest, settings);
            this.id = id;
            this.reader = reader;
        }

        @Override
        protected SourceReader reader() {
            return reader.get();
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String country() {
            return "EU";
        }

        @Override
        public String description() {
            return "routes of the connector test kit around " + reader.get().getClass().getSimpleName();
        }
    }
}
