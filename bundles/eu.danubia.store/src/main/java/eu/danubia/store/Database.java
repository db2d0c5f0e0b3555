package eu.danubia.store;

/**
 * The platform's database. Registered once the core schema is migrated, so a module that
 * references it can rely on the core tables (associations, reference data).
 *
 * <p>Each module owns its tables: it calls {@link #migrate} once when it starts, with its bundle's
 * class loader; its Flyway scripts live in {@code db/migration/<module>/} and its history in
 * the table {@code schema_history_<module>}.
 */
public interface Database {

    /** {@code H2} or {@code PostgreSQL}. */
    String product();

    /** Applies the module's pending migrations; returns how many were applied. */
    int migrate(String module, ClassLoader loader);

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    <T> T transaction(SqlWork<T> work);

    /** Runs read-only work. */
    <T> T read(SqlWork<T> work);

    /** True when the database answers a trivial query within the timeout. */
    boolean ping(int timeoutSeconds);
}
