package eu.danubia.api;

/** The caller sent too many requests of a kind (e.g. failed logins); it may retry after a while. */
public class TooManyRequestsException extends DanubiaException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TooManyRequestsException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public int status() {
        return 429;
    }

    @Override
    public String title() {
        return "Too Many Requests";
    }
}
