package eu.danubia.connector.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.Route;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.api.ingest.ImportRun;
import eu.danubia.api.ingest.IngestService;
import eu.danubia.api.ingest.RegionStat;
import eu.danubia.camel.internal.CamelContextFactory;
import eu.danubia.camel.internal.RoutesManager;
import eu.danubia.connector.sdk.ConnectorRoutes;
import eu.danubia.connector.sdk.ConnectorSettings;
import eu.danubia.connector.sdk.ImportProgress;
import eu.danubia.connector.sdk.ProgressListener;
import eu.danubia.connector.sdk.SourceReader;
import eu.danubia.connector.sdk.example.CompanyCsvReader;
import eu.danubia.connector.sdk.testing.FixtureServer;
import eu.danubia.connector.sdk.testing.InMemoryIngestService;
import eu.danubia.connector.sdk.testing.InMemoryIngestService.DeadLetter;

/** What {@link ConnectorRoutes} does beyond the kit's standard checks: schedule, store failures, progress, removal. */
class ConnectorRoutesTest {

    private static final String ID = "routes-test";

    @TempDir
    Path temp;

    private final InMemoryIngestService store = new InMemoryIngestService();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-10T02:58:00Z"));
    private FixtureServer server;
    private DefaultCamelContext camel;
    private Path companies;
    private Path drop;

    @BeforeEach
    void start() throws IOException {
        server = FixtureServer.start();
        try (InputStream in = CompanyCsvReader.class.getResourceAsStream("companies.csv")) {
            companies = temp.resolve("companies.csv");
            Files.write(companies, in.readAllBytes());
        }
        server.serve("/fixtures/a.csv", companies).serve("/fixtures/b.csv", companies);
        drop = temp.resolve("drop");
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        server.close();
    }

    @Test
    void theScheduledPullRunsWhenDueAndNotAtStart() throws Exception {
        TestRoutes routes = run(new TestRoutes(store, settings()
                .paths("fixtures/a.csv", "fixtures/b.csv")
                .schedule("0 3 * * *").zone(ZoneOffset.UTC)
                .scheduleCheckInterval(Duration.ofMillis(20)).build()));

        await().atMost(Duration.ofSeconds(10)).until(() -> routes.nextScheduledPull().isPresent());
        assertThat(routes.nextScheduledPull()).hasValue(Instant.parse("2026-03-10T03:00:00Z"));
        assertThat(server.requestedPaths()).as("nothing pulled at start").isEmpty();

        now.set(Instant.parse("2026-03-10T03:00:05Z"));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.allRuns().stream().filter(r -> r.finishedAt() != null).count() == 2);
        assertThat(store.allRuns()).extracting(ImportRun::source).containsExactly(
                server.url("/fixtures/a.csv").toString(), server.url("/fixtures/b.csv").toString());
        assertThat(store.allRuns()).allMatch(r -> r.state().equals("DONE") && r.read() == 4);
        assertThat(routes.nextScheduledPull()).hasValue(Instant.parse("2026-03-11T03:00:00Z"));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> store.allRuns().size() == 2);
    }

    @Test
    void importNowWithoutASourcePullsEveryConfiguredPath() throws Exception {
        TestRoutes routes = run(new TestRoutes(store, settings().paths("fixtures/a.csv", "fixtures/b.csv").build()));

        List<ImportRun> runs = routes.importNow(null, ProgressListener.NONE);

        assertThat(runs).extracting(ImportRun::state).containsExactly("DONE", "DONE");
        assertThat(runs).extracting(ImportRun::stored).containsExactly(4L, 0L);
        assertThat(runs).extracting(ImportRun::unchanged).containsExactly(0L, 4L);
        assertThat(server.requestedPaths()).containsExactly("/fixtures/a.csv", "/fixtures/b.csv");
    }

    @Test
    void recordsTheStoreRefusesBecomeDeadLettersWithTheReason() throws Exception {
        store.refuse(r -> r instanceof CompanyRecord c && c.country().equals("UA"), "country", "not served yet");
        TestRoutes routes = run(new TestRoutes(store, settings().build()));

        ImportRun run = routes.importNow(companies.toString(), ProgressListener.NONE).get(0);

        assertThat(run.state()).isEqualTo("DONE");
        assertThat(run.read()).isEqualTo(4);
        assertThat(run.stored()).isEqualTo(2);
        assertThat(run.rejected()).isEqualTo(2);
        assertThat(store.deadLetters()).extracting(DeadLetter::position)
                .containsExactly("companies.csv, line 4", "companies.csv, line 5");
        assertThat(store.deadLetters()).allSatisfy(d -> {
            assertThat(d.source()).isEqualTo(ID);
            assertThat(d.reason()).isEqualTo("country: not served yet");
            assertThat(d.payload()).startsWith("CompanyRecord[source=" + ID);
        });
    }

    @Test
    void aFailingStoreStopsTheImportAndTheDroppedFileMovesToFailed() throws Exception {
        FailingCompanies flaky = new FailingCompanies(store, 1);
        TestRoutes routes = run(new TestRoutes(flaky, settings().batchSize(1).dropDirectory(drop.toString()).build()));

        assertThatThrownBy(() -> routes.importNow(companies.toString(), ProgressListener.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("import failed")
                .hasMessageContaining("database down");
        ImportRun stopped = store.allRuns().get(0);
        assertThat(stopped.state()).isEqualTo("FAILED");
        assertThat(stopped.error()).startsWith("stopped: ");
        assertThat(stopped.stored()).isEqualTo(1);
        assertThat(routes.activeImports()).isEmpty();

        Files.copy(companies, drop.resolve("companies.csv"));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(drop.resolve(".failed/companies.csv")));
        assertThat(drop.resolve("companies.csv")).doesNotExist();
        assertThat(store.allRuns()).hasSize(2).allMatch(r -> "FAILED".equals(r.state()));
    }

    @Test
    void progressIsReportedAndReadableWhileRunning() throws Exception {
        CountDownLatch firstItemRead = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SourceReader slow = (in, name, sink) -> new CompanyCsvReader(ID).read(in, name, item -> {
            sink.accept(item);
            firstItemRead.countDown();
            waitFor(release);
        });
        TestRoutes routes = run(new TestRoutes(store, settings().build(), slow));
        List<ImportProgress> reports = new CopyOnWriteArrayList<>();
        AtomicReference<List<ImportRun>> result = new AtomicReference<>();
        Thread importer = new Thread(() -> result.set(routes.importNow(companies.toString(), reports::add)));
        importer.start();

        assertThat(firstItemRead.await(10, TimeUnit.SECONDS)).isTrue();
        List<ImportProgress> live = routes.activeImports();
        assertThat(live).singleElement().satisfies(p -> {
            assertThat(p.connector()).isEqualTo(ID);
            assertThat(p.source()).isEqualTo(companies.toString());
            assertThat(p.read()).isEqualTo(1);
            assertThat(p.totalBytes()).isEqualTo(Files.size(companies));
            assertThat(p.bytesRead()).isPositive();
            assertThat(p.finished()).isFalse();
        });
        release.countDown();
        importer.join(10_000);

        ImportRun run = result.get().get(0);
        assertThat(run.id()).isEqualTo(live.get(0).run());
        assertThat(routes.activeImports()).isEmpty();
        ImportProgress last = reports.get(reports.size() - 1);
        assertThat(last.finished()).isTrue();
        assertThat(last.percent()).isEqualTo(100);
        assertThat(last.read()).isEqualTo(4);
        assertThat(last.bytesRead()).isEqualTo(Files.size(companies));
        assertThat(reports.get(0).read()).as("the first report comes at the start").isZero();
    }

    @Test
    void timeoutsAndRefusedConnectionsAreRetried() throws Exception {
        // the timeout leaves a loaded machine room for the retry; only the held first request exceeds it
        TestRoutes routes = run(new TestRoutes(store, settings().requestTimeout(Duration.ofSeconds(2)).build()));
        server.delayFirst(1, Duration.ofSeconds(8));

        ImportRun slow = routes.importNow(server.url("/fixtures/a.csv").toString(), ProgressListener.NONE).get(0);
        assertThat(slow.state()).as("after a timeout (error: %s)", slow.error()).isEqualTo("DONE");
        assertThat(server.requestedPaths()).hasSize(2);

        String closed = server.url("/fixtures/a.csv").toString();
        server.close();
        ImportRun refused = routes.importNow(closed, ProgressListener.NONE).get(0);
        assertThat(refused.state()).isEqualTo("FAILED");
        assertThat(refused.error()).contains("cannot connect").endsWith("(4 attempts)");
        assertThat(store.deadLetters()).extracting(DeadLetter::position).containsExactly("/fixtures/a.csv");
    }

    @Test
    void removingTheRoutesStopsTheConnectorAndAddingThemAgainToANewContextWorks() throws Exception {
        TestRoutes routes = new TestRoutes(store, settings().dropDirectory(drop.toString()).build());
        DefaultCamelContext platform = CamelContextFactory.create(getClass().getClassLoader());
        platform.start();
        try {
            RoutesManager manager = new RoutesManager(platform);
            assertThat(manager.add(routes, "test")).containsExactlyInAnyOrder(ID + "-ingest", ID + "-pull", ID + "-files");
            Files.copy(companies, drop.resolve("one.csv"));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(drop.resolve(".done/one.csv")));

            assertThat(manager.remove(routes, "test")).hasSize(3);
            assertThat(platform.getRoutes()).extracting(Route::getRouteId).noneMatch(id -> id.startsWith(ID));
            Files.copy(companies, drop.resolve("two.csv"));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> Files.exists(drop.resolve("two.csv")));
            assertThatThrownBy(() -> routes.importNow(companies.toString(), ProgressListener.NONE))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");
        } finally {
            platform.stop();
        }

        // the Camel runtime restarted (its configuration changed): the same routes object joins the new context
        DefaultCamelContext restarted = CamelContextFactory.create(getClass().getClassLoader());
        restarted.start();
        try {
            new RoutesManager(restarted).add(routes, "test");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(drop.resolve(".done/two.csv")));
            assertThat(routes.importNow(companies.toString(), ProgressListener.NONE)).extracting(ImportRun::state).containsExactly("DONE");
        } finally {
            restarted.stop();
        }
    }

    @Test
    void sourcesAreCheckedBeforeAnythingRuns() throws Exception {
        TestRoutes unstarted = new TestRoutes(store, settings().build());
        assertThatThrownBy(() -> unstarted.importNow(companies.toString(), ProgressListener.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");

        TestRoutes routes = run(new TestRoutes(store, ConnectorSettings.builder().build()));
        assertThatThrownBy(() -> routes.importNow(null, ProgressListener.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no baseUrl");
        assertThatThrownBy(() -> routes.importNow(temp.resolve("missing.csv").toString(), ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no readable file");
        assertThatThrownBy(() -> routes.importNow("https://user:pw@example.org/x", ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.allRuns()).isEmpty();
    }

    @Test
    void routesRefuseAnIdThatIsNotLowerCaseWithHyphens() {
        TestRoutes bad = new TestRoutes(store, settings().build()) {
            @Override
            public String id() {
                return "Bad_Id";
            }
        };
        camel = new DefaultCamelContext();
        assertThatThrownBy(() -> camel.addRoutes(bad)).hasMessageContaining("lower-case letters, digits and hyphens");
    }

    // ---- helpers ----

    private ConnectorSettings.Builder settings() {
        return ConnectorSettings.builder()
                .baseUrl(server.baseUrl())
                .pollInterval(Duration.ofMillis(50))
                .fileStableFor(Duration.ofMillis(20))
                .redelivery(3, Duration.ofMillis(10), Duration.ofMillis(50))
                .connectTimeout(Duration.ofSeconds(1))
                .requestTimeout(Duration.ofSeconds(10));
    }

    private <R extends ConnectorRoutes> R run(R routes) throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(routes);
        camel.start();
        return routes;
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private class TestRoutes extends ConnectorRoutes {
        private final SourceReader reader;

        TestRoutes(IngestService ingest, ConnectorSettings settings) {
            this(ingest, settings, new CompanyCsvReader(ID));
        }

        TestRoutes(IngestService ingest, ConnectorSettings settings, SourceReader reader) {
            super(ingest, settings);
            this.reader = reader;
        }

        @Override
        protected SourceReader reader() {
            return reader;
        }

        @Override
        protected Clock clock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now.get();
                }
            };
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
            return "routes under test";
        }
    }

    /** The store, whose company method fails like a lost database after {@code good} calls. */
    private static final class FailingCompanies implements IngestService {
        private final InMemoryIngestService delegate;
        private final AtomicInteger left;

        FailingCompanies(InMemoryIngestService delegate, int good) {
            this.delegate = delegate;
            this.left = new AtomicInteger(good);
        }

        @Override
        public Outcome company(CompanyRecord record, String sourcePosition) {
            if (left.getAndDecrement() <= 0) {
                throw new IllegalStateException("database down");
            }
            return delegate.company(record, sourcePosition);
        }

        @Override
        public Outcome financials(FinancialStatement statement, String sourcePosition) {
            return delegate.financials(statement, sourcePosition);
        }

        @Override
        public Outcome regionStat(RegionStat stat, String sourcePosition) {
            return delegate.regionStat(stat, sourcePosition);
        }

        @Override
        public void reject(String source, String sourcePosition, String payload, String reason) {
            delegate.reject(source, sourcePosition, payload, reason);
        }

        @Override
        public UUID startRun(String connector, String source) {
            return delegate.startRun(connector, source);
        }

        @Override
        public void finishRun(UUID run, long read, long stored, long unchanged, long rejected, String error) {
            delegate.finishRun(run, read, stored, unchanged, rejected, error);
        }

        @Override
        public List<ImportRun> runs(int limit) {
            return delegate.runs(limit);
        }
    }
}
