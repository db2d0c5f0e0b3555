package eu.danubia.connector.sdk;

import java.util.List;

import eu.danubia.api.ingest.Connector;
import eu.danubia.api.ingest.ImportRun;

/**
 * A connector an operator can run by hand ({@code danubia:import}). {@link ConnectorRoutes} implements it, so
 * every connector built on the SDK is one: register the routes object also as a {@code Connector} service.
 */
public interface ImportableConnector extends Connector {

    /**
     * Imports now, in the calling thread, through the connector's routes (the same sanitising, validation, dead
     * letters and redelivery as a scheduled run).
     *
     * @param source   {@code null} or blank: the configured HTTP pull, one run per URL; an {@code http(s)://} URL;
     *                 or the path of a local file (read in place, not moved)
     * @param listener told about progress; {@link ProgressListener#NONE} when nobody watches
     * @return the finished runs, with their counts
     * @throws IllegalArgumentException when the source is neither a readable file nor an http(s) URL
     * @throws IllegalStateException    when the routes are not running, or nothing is configured to pull
     */
    List<ImportRun> importNow(String source, ProgressListener listener);

    /** The imports of this connector running right now, with their live counts. */
    List<ImportProgress> activeImports();
}
