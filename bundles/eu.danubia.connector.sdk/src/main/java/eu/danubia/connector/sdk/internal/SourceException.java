package eu.danubia.connector.sdk.internal;

/** A source document could not be fetched; {@link Transient} ones are tried again with backoff. */
public class SourceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String payload;

    public SourceException(String message, String payload, Throwable cause) {
        super(message, cause);
        this.payload = payload == null ? "" : payload;
    }

    /** What the server said, cut short, for the dead letter. */
    public String payload() {
        return payload;
    }

    /** HTTP 5xx, a timeout, a refused or reset connection: worth another attempt. */
    public static final class Transient extends SourceException {
        private static final long serialVersionUID = 1L;

        public Transient(String message, String payload, Throwable cause) {
            super(message, payload, cause);
        }
    }

    /** HTTP 4xx, a TLS failure: another attempt would fail the same way. */
    public static final class Permanent extends SourceException {
        private static final long serialVersionUID = 1L;

        public Permanent(String message, String payload, Throwable cause) {
            super(message, payload, cause);
        }
    }
}
