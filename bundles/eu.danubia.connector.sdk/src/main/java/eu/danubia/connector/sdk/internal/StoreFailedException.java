package eu.danubia.connector.sdk.internal;

/**
 * The ingest service failed for a reason other than an invalid record (the database is down, say). The import
 * stops: every further record would fail the same way, and not even a dead letter can be written.
 */
public final class StoreFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreFailedException(String message, RuntimeException cause) {
        super(message, cause);
    }
}
