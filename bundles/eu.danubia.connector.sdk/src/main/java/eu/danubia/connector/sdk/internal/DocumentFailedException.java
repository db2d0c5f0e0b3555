package eu.danubia.connector.sdk.internal;

/**
 * Marks a dropped file whose import failed as a whole, so that the file consumer moves it to {@code .failed}. The
 * reason is already in the run and the dead letters; this exception carries no new information and is not logged.
 */
public final class DocumentFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    public DocumentFailedException(String message) {
        super(message, null, false, false);
    }
}
