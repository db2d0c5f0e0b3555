package eu.danubia.connector.sdk.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import eu.danubia.api.ingest.ImportRun;
import eu.danubia.connector.sdk.ImportProgress;
import eu.danubia.connector.sdk.ImportableConnector;
import eu.danubia.connector.sdk.ProgressListener;

/** {@code danubia:import} against a connector service, with the console captured. */
class ImportCommandTest {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream original = System.out;
    private final FakeConnector connector = new FakeConnector();

    @BeforeEach
    void captureConsole() {
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(original);
    }

    @Test
    void importsARelativeFileAsAnAbsolutePathAndPrintsTheCounts() throws Exception {
        ImportCommand command = command("example-csv", "drop/companies.csv");

        command.execute();

        assertThat(connector.sources).containsExactly(Path.of("drop/companies.csv").toAbsolutePath().normalize().toString());
        String out = console.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Importing /data/companies.csv")
                .contains("[############............]  50%")
                .contains("DONE in 1.0 s: 4 read, 4 stored, 0 unchanged, 0 rejected");
    }

    @Test
    void withoutASourceTheConfiguredPullRuns() throws Exception {
        command("example-csv", null).execute();

        assertThat(connector.sources).containsExactly((String) null);
    }

    @Test
    void anUnknownConnectorListsTheInstalledOnes() throws Exception {
        command("cz-aress", null).execute();

        assertThat(connector.sources).isEmpty();
        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo("No connector 'cz-aress'. Installed: example-csv\n");
    }

    @Test
    void aRefusedSourceIsReportedInWords() throws Exception {
        connector.refuse = new IllegalArgumentException("no readable file /nowhere.csv");

        command("example-csv", "/nowhere.csv").execute();

        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo("no readable file /nowhere.csv\n");
    }

    private ImportCommand command(String id, String source) {
        ImportCommand command = new ImportCommand();
        command.context = context(connector);
        command.connector = id;
        command.source = source;
        return command;
    }

    /** A bundle context offering one Connector service: only what the command calls. */
    private static BundleContext context(Object service) {
        ServiceReference<?> ref = (ServiceReference<?>) Proxy.newProxyInstance(ImportCommandTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> method.getName().equals("hashCode")
                        ? 1 : method.getName().equals("equals") ? proxy == args[0] : null);
        return (BundleContext) Proxy.newProxyInstance(ImportCommandTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServiceReferences" -> List.of(ref);
                    case "getService" -> service;
                    case "ungetService" -> true;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final class FakeConnector implements ImportableConnector {
        final List<String> sources = new ArrayList<>();
        RuntimeException refuse;

        @Override
        public List<ImportRun> importNow(String source, ProgressListener listener) {
            if (refuse != null) {
                throw refuse;
            }
            sources.add(source);
            UUID run = UUID.randomUUID();
            listener.progress(new ImportProgress(run, id(), "/data/companies.csv", 500, 1000, 2, 2, 0, 0, false));
            listener.progress(new ImportProgress(run, id(), "/data/companies.csv", 1000, 1000, 4, 4, 0, 0, true));
            return List.of(new ImportRun(run, id(), "/data/companies.csv", Instant.parse("2026-03-10T03:00:00Z"),
                    Instant.parse("2026-03-10T03:00:01Z"), "DONE", 4, 4, 0, 0, null));
        }

        @Override
        public List<ImportProgress> activeImports() {
            return List.of();
        }

        @Override
        public String id() {
            return "example-csv";
        }

        @Override
        public String country() {
            return "EU";
        }

        @Override
        public String description() {
            return "fake";
        }
    }
}
