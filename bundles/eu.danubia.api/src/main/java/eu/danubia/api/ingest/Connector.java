package eu.danubia.api.ingest;

/**
 * A data connector (one per source register or dataset). Registered as an OSGi service next to
 * the connector's Camel routes, whose ids start with {@link #id()}.
 */
public interface Connector {

    /** e.g. {@code cz-ares}, {@code eurostat}. */
    String id();

    /** ISO country code of the source, or {@code EU} for Eurostat. */
    String country();

    String description();
}
