package eu.danubia.api;

/** The caller is known but its role does not allow the action. */
public class ForbiddenException extends DanubiaException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
