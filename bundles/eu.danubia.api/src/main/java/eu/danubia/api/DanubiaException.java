package eu.danubia.api;

/**
 * A failure the caller can act on. The web layer turns each subclass into one HTTP status with an
 * {@code application/problem+json} body; the message is shown to the user, so it never holds
 * internal details.
 */
public abstract class DanubiaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected DanubiaException(String message) {
        super(message);
    }

    /** The HTTP status this failure maps to. */
    public abstract int status();

    /** A short, stable title for the kind of failure. */
    public abstract String title();
}
