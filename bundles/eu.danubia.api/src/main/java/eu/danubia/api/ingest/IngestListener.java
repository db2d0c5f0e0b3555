package eu.danubia.api.ingest;

/**
 * Told after the ingest store committed records that changed (stored, not unchanged). Register one
 * as an OSGi service; the store calls every registered listener on the writer's thread after the
 * commit, so return quickly (queue the work). A listener that throws is logged and never undoes
 * or slows down the import. Listeners can miss a change (a crash between commit and call, a
 * listener installed later): keep a catch-up from the tables' {@code last_changed} as well.
 */
public interface IngestListener {

    void changed(IngestChange change);
}
