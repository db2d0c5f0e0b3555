package eu.danubia.connector.sdk.internal;

/** Keeps what the routes write into runs and dead letters to a readable size. */
public final class Texts {

    /** A reason is a sentence, not a copy of the input. */
    public static final int MAX_REASON = 1000;

    private Texts() {
    }

    public static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    /** An exception as an operator reads it: its message, or its type when it has none. */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
        return cut(text, MAX_REASON);
    }
}
