package eu.danubia.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * A connector coming and going in the running platform: {@code feature:install} adds the CZ ARES connector (its
 * {@code Connector} service and its Camel routes), {@code danubia:import} stores the real ARES answer for Seznam.cz
 * and a second import changes nothing, {@code danubia:imports} lists both runs, and {@code feature:uninstall} takes
 * exactly its routes out of the still running Camel context.
 *
 * <p>Camel, the connector and the ingest store are reached through the service registry and reflection only: a wire
 * from this test bundle to a bundle that gets uninstalled would make Karaf refresh the test bundle.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConnectorsIT extends DanubiaTestSupport {

    private static final String CONNECTOR = "eu.danubia.api.ingest.Connector";
    private static final String CAMEL_CONTEXT = "org.apache.camel.CamelContext";
    private static final String INGEST = "eu.danubia.api.ingest.IngestService";
    private static final String SEZNAM_ICO = "26168685";

    @Before
    public void healthy() {
        awaitHealthy();
    }

    @Test
    public void theAresConnectorInstallsImportsIdempotentlyAndUninstallsCleanly() throws Exception {
        Path fixture = Path.of(System.getProperty("danubia.shared.data"), "registers", "cz-ares",
                "ekonomicke-subjekty-" + SEZNAM_ICO + ".json").toAbsolutePath().normalize();
        assertTrue("the real ARES answer is there: " + fixture, Files.isRegularFile(fixture));

        // The SDK is installed on its own first, as an operator who runs connectors would: otherwise uninstalling the
        // only connector takes the SDK, Camel and the store with it, and nothing would show that exactly the
        // connector's routes went. The RUZ connector stays installed throughout, as the routes that must survive.
        executeCommand("feature:install danubia-connector-sdk");
        executeCommand("feature:install danubia-connector-sk-ruz");
        await("the sk-ruz connector", Duration.ofSeconds(60), () -> connectorIds().contains("sk-ruz"));
        assertFalse("cz-ares is not there before its feature", connectorIds().contains("cz-ares"));
        assertTrue(executeCommand("danubia:import cz-ares " + fixture).contains("No connector 'cz-ares'"));

        // ---- install at runtime
        executeCommand("feature:install danubia-connector-cz-ares");
        await("the cz-ares Connector service", Duration.ofSeconds(60), () -> connectorIds().contains("cz-ares"));
        await("the cz-ares routes to be started", Duration.ofSeconds(60),
                () -> startedRoutes("cz-ares").containsAll(List.of("cz-ares-ingest", "cz-ares-pull")));
        assertTrue(executeCommand("danubia:status").contains("cz-ares"));

        // ---- import the real answer, then again
        String first = executeCommand("danubia:import cz-ares " + fixture);
        assertTrue(first, first.contains("DONE"));
        assertTrue(first, first.contains("1 read, 1 stored, 0 unchanged, 0 rejected"));

        Map<String, Object> seznam = company("cz-ares", SEZNAM_ICO);
        assertNotNull("Seznam.cz is stored", seznam);
        assertEquals("Seznam.cz, a.s.", seznam.get("name"));
        assertEquals("Akciová společnost", seznam.get("legal_form"));
        assertEquals("Radlická 3294/10", seznam.get("street"));
        assertEquals("Praha", seznam.get("city"));
        assertEquals("15000", seznam.get("postal_code"));
        assertEquals("CZ", seznam.get("country"));
        assertEquals("CZ010", seznam.get("nuts_code"));
        assertEquals("46,46.90,58,62.09,63.12,68.20,69.20,73,73.12,79", seznam.get("nace_codes"));
        assertEquals("ACTIVE", seznam.get("status"));
        assertEquals(LocalDate.of(2000, 4, 5), ((java.sql.Date) seznam.get("founded_on")).toLocalDate());
        assertEquals(fixture.getFileName() + ", $", seznam.get("source_position"));

        String again = executeCommand("danubia:import cz-ares " + fixture);
        assertTrue(again, again.contains("DONE"));
        assertTrue(again, again.contains("1 read, 0 stored, 1 unchanged, 0 rejected"));
        assertEquals("one row per key", 1L, count("SELECT COUNT(*) FROM ingest_companies WHERE source = 'cz-ares'"));
        assertEquals("an unchanged record is not written again", seznam, company("cz-ares", SEZNAM_ICO));

        // ---- both runs, in the shell and in the store
        String imports = executeCommand("danubia:imports");
        List<String> runLines = imports.lines().filter(l -> l.contains("cz-ares") && l.contains(fixture.toString())).toList();
        assertEquals(imports, 2, runLines.size());
        // newest first: the unchanged re-import, then the first import
        assertTrue(imports, runLines.get(0).matches(".*DONE\\s+1\\s+0\\s+1\\s+0\\s.*"));
        assertTrue(imports, runLines.get(1).matches(".*DONE\\s+1\\s+1\\s+0\\s+0\\s.*"));
        List<Map<String, Object>> runs = runs("cz-ares");
        assertEquals(runs.toString(), 2, runs.size());
        assertEquals(List.of("DONE", "DONE"), runs.stream().map(r -> r.get("state")).toList());
        assertEquals(List.of(0L, 1L), runs.stream().map(r -> r.get("stored")).toList());
        assertEquals(List.of(1L, 0L), runs.stream().map(r -> r.get("unchanged")).toList());

        // ---- uninstall: exactly the connector's routes go, without an exception
        long logBefore = logSize();
        executeCommand("feature:uninstall danubia-connector-cz-ares");
        await("the cz-ares Connector service to go", Duration.ofSeconds(60), () -> !connectorIds().contains("cz-ares"));
        await("the cz-ares routes to go", Duration.ofSeconds(60), () -> routes("cz-ares").isEmpty());
        assertTrue("the CamelContext keeps running with the other connector's routes: " + routes(""),
                startedRoutes("sk-ruz").containsAll(List.of("sk-ruz-ingest", "sk-ruz-pull")));
        assertTrue(connectorIds().contains("sk-ruz"));

        String unknown = executeCommand("danubia:import cz-ares " + fixture);
        assertTrue(unknown, unknown.contains("No connector 'cz-ares'") && unknown.contains("sk-ruz"));
        assertEquals("the data stays", 1L, count("SELECT COUNT(*) FROM ingest_companies WHERE source = 'cz-ares'"));
        assertEquals(200, get("/api/health", Auth.NONE).status());

        String log = logSince(logBefore);
        assertTrue("the routes' removal is logged: " + log, log.contains("Removed route(s)") && log.contains("cz-ares-ingest"));
        for (String line : log.lines().toList()) {
            assertFalse("an error while uninstalling: " + line, line.contains("| ERROR |"));
            assertFalse("an exception while uninstalling: " + line, line.contains("Exception"));
        }
    }

    // ---- the registry, by reflection ---------------------------------------------------------

    private BundleContext context() {
        return FrameworkUtil.getBundle(getClass()).getBundleContext();
    }

    private List<String> connectorIds() throws Exception {
        List<String> ids = new ArrayList<>();
        ServiceReference<?>[] refs = context().getAllServiceReferences(CONNECTOR, null);
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Object connector = context().getService(ref);
            if (connector != null) {
                try {
                    ids.add((String) invoke(connector, "id"));
                } finally {
                    context().ungetService(ref);
                }
            }
        }
        return ids;
    }

    /** The ids of the CamelContext's routes starting with {@code prefix}; empty when there is no CamelContext. */
    private List<String> routes(String prefix) throws Exception {
        return routeStates(prefix).keySet().stream().toList();
    }

    private List<String> startedRoutes(String prefix) throws Exception {
        return routeStates(prefix).entrySet().stream().filter(e -> "Started".equals(e.getValue())).map(Map.Entry::getKey).toList();
    }

    private Map<String, String> routeStates(String prefix) throws Exception {
        Map<String, String> states = new LinkedHashMap<>();
        ServiceReference<?>[] refs = context().getAllServiceReferences(CAMEL_CONTEXT, null);
        if (refs == null) {
            return states;
        }
        Object camel = context().getService(refs[0]);
        try {
            Object controller = invoke(camel, "getRouteController");
            for (Object route : (List<?>) invoke(camel, "getRoutes")) {
                String id = (String) invoke(route, "getId");
                if (id.startsWith(prefix)) {
                    Method status = controller.getClass().getMethod("getRouteStatus", String.class);
                    status.setAccessible(true);
                    states.put(id, String.valueOf(status.invoke(controller, id)));
                }
            }
        } finally {
            context().ungetService(refs[0]);
        }
        return states;
    }

    /** The connector's runs from {@code IngestService.runs}, newest first, as maps of the record's components. */
    private List<Map<String, Object>> runs(String connector) throws Exception {
        ServiceReference<?> ref = context().getAllServiceReferences(INGEST, null)[0];
        Object ingest = context().getService(ref);
        try {
            Method runs = ingest.getClass().getMethod("runs", int.class);
            runs.setAccessible(true);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object run : (List<?>) runs.invoke(ingest, 50)) {
                if (connector.equals(invoke(run, "connector"))) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (String c : List.of("state", "read", "stored", "unchanged", "rejected", "error", "source")) {
                        m.put(c, invoke(run, c));
                    }
                    out.add(m);
                }
            }
            return out;
        } finally {
            context().ungetService(ref);
        }
    }

    private static Object invoke(Object target, String method) throws Exception {
        Method m = target.getClass().getMethod(method);
        m.setAccessible(true);
        return m.invoke(target);
    }

    // ---- the database (the DataSource of pax-jdbc-config; javax.sql is the JDK's) -----------------------------

    private <T> T withConnection(SqlWork<T> work) throws Exception {
        ServiceReference<?>[] refs = context().getAllServiceReferences(DataSource.class.getName(), "(dataSourceName=danubia)");
        assertNotNull("the danubia DataSource", refs);
        DataSource ds = (DataSource) context().getService(refs[0]);
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } finally {
            context().ungetService(refs[0]);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws Exception;
    }

    private Map<String, Object> company(String source, String nationalId) throws Exception {
        return withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT name, legal_form, nace_codes, street, city, postal_code,"
                    + " country, nuts_code, status, founded_on, source_position, content_hash, first_seen, last_changed"
                    + " FROM ingest_companies WHERE source = ? AND national_id = ?")) {
                s.setString(1, source);
                s.setString(2, nationalId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                    }
                    return row;
                }
            }
        });
    }

    private long count(String sql) throws Exception {
        return withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    // ---- the log ------------------------------------------------------------------------------

    private static Path logFile() {
        return Path.of(System.getProperty("karaf.log"), "karaf.log");
    }

    private static long logSize() throws IOException {
        return Files.size(logFile());
    }

    /** What the log got since {@code offset}, once the removal has been written. */
    private static String logSince(long offset) throws IOException {
        await("the route removal in the log", Duration.ofSeconds(10), () -> read(offset).contains("Removed route(s)"));
        // whatever the uninstall logs after the removal (the bundle stopping) gets a moment to arrive
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        return read(offset);
    }

    private static String read(long offset) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(logFile().toFile(), "r")) {
            long from = Math.min(offset, f.length());
            byte[] bytes = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
