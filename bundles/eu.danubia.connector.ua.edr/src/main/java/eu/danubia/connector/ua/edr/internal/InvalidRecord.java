package eu.danubia.connector.ua.edr.internal;

/** A record that cannot become a normalized record; the message is the reason an operator reads. */
final class InvalidRecord extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidRecord(String reason) {
        super(reason, null, false, false);
    }
}
