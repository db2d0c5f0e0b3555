package eu.danubia.api;

/** The action needs a logged-in caller, or the credentials were wrong. */
public class UnauthorizedException extends DanubiaException {

    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 401;
    }

    @Override
    public String title() {
        return "Unauthorized";
    }
}
