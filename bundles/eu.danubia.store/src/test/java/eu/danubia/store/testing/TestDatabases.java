package eu.danubia.store.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import eu.danubia.store.Database;
import eu.danubia.store.internal.DatabaseImpl;

/**
 * Fresh, migrated test databases for repository tests: an in-memory H2 in PostgreSQL mode (as the
 * embedded default runs it) and an empty schema in a real PostgreSQL server.
 *
 * <p>PostgreSQL comes from {@code DANUBIA_TEST_PG_URL}, {@code DANUBIA_TEST_PG_USER} and
 * {@code DANUBIA_TEST_PG_PASSWORD} (`.ci/run` starts the server and sets them). When the server is
 * not reachable the PostgreSQL case is skipped on a developer machine, but fails when {@code CI}
 * or {@code DANUBIA_TEST_PG_REQUIRED} is set, so CI can never pass on H2 alone.
 *
 * <pre>
 * &#64;ParameterizedTest
 * &#64;MethodSource("eu.danubia.store.testing.TestDatabases#all")
 * void works(Database db) { ... }
 * </pre>
 */
public final class TestDatabases {

    private static final List<String> CREATED_SCHEMAS = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropSchemas));
    }

    private TestDatabases() {
    }

    /** H2 and, when available, PostgreSQL; each a fresh database with the core schema. */
    public static Stream<Database> all() {
        List<Database> dbs = new ArrayList<>();
        dbs.add(h2());
        postgres().ifPresent(dbs::add);
        return dbs.stream();
    }

    public static Database h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        return new DatabaseImpl(ds);
    }

    public static Optional<Database> postgres() {
        String url = env("DANUBIA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/danubia_test");
        String user = env("DANUBIA_TEST_PG_USER", "danubia_test");
        String password = env("DANUBIA_TEST_PG_PASSWORD", "");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if (required()) {
                throw new IllegalStateException("PostgreSQL is required for the tests but not reachable at " + url
                        + " as " + user + ": " + e.getMessage(), e);
            }
            System.err.println("[TestDatabases] PostgreSQL not reachable at " + url + " (" + e.getMessage()
                    + "): PostgreSQL cases skipped. Set CI=true to make this an error.");
            return Optional.empty();
        }
        synchronized (CREATED_SCHEMAS) {
            CREATED_SCHEMAS.add(schema);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        ds.setPassword(password);
        ds.setCurrentSchema(schema);
        return Optional.of(new DatabaseImpl(ds));
    }

    private static boolean required() {
        return System.getenv("CI") != null && !System.getenv("CI").isBlank()
                || "true".equalsIgnoreCase(System.getenv("DANUBIA_TEST_PG_REQUIRED"));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static void dropSchemas() {
        if (CREATED_SCHEMAS.isEmpty()) {
            return;
        }
        String url = env("DANUBIA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/danubia_test");
        try (Connection c = DriverManager.getConnection(url, env("DANUBIA_TEST_PG_USER", "danubia_test"),
                env("DANUBIA_TEST_PG_PASSWORD", "")); Statement s = c.createStatement()) {
            for (String schema : CREATED_SCHEMAS) {
                s.execute("DROP SCHEMA IF EXISTS " + schema.toLowerCase(Locale.ROOT) + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("[TestDatabases] could not drop test schemas: " + e.getMessage());
        }
    }
}
