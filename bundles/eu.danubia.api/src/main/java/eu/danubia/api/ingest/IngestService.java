package eu.danubia.api.ingest;

/**
 * Where connectors hand their normalized records. Each call stores the record, its idempotency key
 * and its source position in one transaction: re-importing the same data changes nothing.
 */
public interface IngestService {

    Outcome company(CompanyRecord record, String sourcePosition);

    Outcome financials(FinancialStatement statement, String sourcePosition);

    Outcome regionStat(RegionStat stat, String sourcePosition);

    /** Keeps a rejected record with the reason, for the dead-letter list; idempotent per source and position. */
    void reject(String source, String sourcePosition, String payload, String reason);

    /** Records the start of an import of one source document; returns its run id. */
    java.util.UUID startRun(String connector, String source);

    /**
     * Records the end of a run with its counts.
     *
     * @param error why the document as a whole failed, or null when it was read to the end
     */
    void finishRun(java.util.UUID run, long read, long stored, long unchanged, long rejected, String error);

    /** The latest runs, newest first. */
    java.util.List<ImportRun> runs(int limit);

    /** What storing one record did. */
    enum Outcome {
        STORED, UNCHANGED
    }
}
