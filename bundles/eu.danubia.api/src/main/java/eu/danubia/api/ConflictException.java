package eu.danubia.api;

/** The request clashes with what is stored (a duplicate, a stale state). */
public class ConflictException extends DanubiaException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
