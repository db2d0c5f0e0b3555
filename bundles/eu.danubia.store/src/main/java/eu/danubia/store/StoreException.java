package eu.danubia.store;

import java.sql.SQLException;

/** A database failure that is not the caller's fault; the web layer answers 500 without details. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, SQLException cause) {
        super(message, cause);
    }
}
