package eu.danubia.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.store.Database;
import eu.danubia.store.SqlWork;
import eu.danubia.store.StoreException;

/**
 * The {@link Database} over the DataSource that pax-jdbc-config publishes from
 * {@code etc/org.ops4j.datasource-danubia.cfg}. Migrates the core schema before it is registered.
 */
@Component(service = Database.class, immediate = true)
public class DatabaseImpl implements Database {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseImpl.class);
    private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    private final DataSource dataSource;
    private final String product;

    @Activate
    public DatabaseImpl(@Reference(target = "(dataSourceName=danubia)") DataSource dataSource) {
        this.dataSource = dataSource;
        this.product = detectProduct(dataSource);
        int applied = migrate("core", DatabaseImpl.class.getClassLoader());
        LOG.info("DanubIA database ready on {} ({} core migrations applied)", product, applied);
    }

    private static String detectProduct(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            String name = c.getMetaData().getDatabaseProductName();
            return name.toLowerCase(Locale.ROOT).contains("postgres") ? "PostgreSQL" : name;
        } catch (SQLException e) {
            throw new StoreException("cannot connect to the database", e);
        }
    }

    @Override
    public String toString() {
        return product;
    }

    @Override
    public String product() {
        return product;
    }

    @Override
    public int migrate(String module, ClassLoader loader) {
        if (!MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("module name must match " + MODULE + ": " + module);
        }
        // Flyway scans the module's bundle through the loader; its own plugins come from its bundle.
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(Flyway.class.getClassLoader());
        try {
            Flyway flyway = Flyway.configure(loader)
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/" + module)
                    .table("schema_history_" + module)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load();
            return flyway.migrate().migrationsExecuted;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Override
    public <T> T transaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException("database transaction failed", e);
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            try {
                return work.run(c);
            } finally {
                c.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw new StoreException("database read failed", e);
        }
    }

    @Override
    public boolean ping(int timeoutSeconds) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(timeoutSeconds);
            try {
                s.execute("SELECT 1");
            } finally {
                // H2 keeps a statement's timeout as its session's QUERY_TIMEOUT: left set, every later
                // statement on this pooled connection would be cancelled after the ping's few seconds
                s.setQueryTimeout(0);
            }
            return true;
        } catch (SQLException e) {
            LOG.warn("database ping failed: {}", e.getMessage());
            return false;
        }
    }
}
