package eu.danubia.notify.internal;

/** How the connection to the SMTP server is protected. */
public enum Tls {
    /** Plain connection upgraded with STARTTLS; refuses to send when the server does not offer it. */
    STARTTLS,
    /** TLS from the first byte (SMTPS, usually port 465). */
    SSL,
    /** No encryption: only for a relay on the same host or a test server. */
    NONE
}
