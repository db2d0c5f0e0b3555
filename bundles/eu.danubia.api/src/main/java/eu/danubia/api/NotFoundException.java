package eu.danubia.api;

/** The record does not exist, or the caller may not know that it exists (never reveals which). */
public class NotFoundException extends DanubiaException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what) {
        super(what + " not found");
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not Found";
    }
}
