package eu.danubia.api.ingest;

/**
 * Where connectors hand their normalized records. Each call stores the record, its idempotency key
 * and its source position in one transaction: re-importing the same data changes nothing.
 */
public interface IngestService {

    Outcome company(CompanyRecord record, String sourcePosition);

    Outcome financials(FinancialStatement statement, String sourcePosition);

    Outcome regionStat(RegionStat stat, String sourcePosition);

    /**
     * Stores records in one transaction and answers in their order. The platform's store refuses the
     * whole batch when one record is invalid ({@code ValidationException} with {@code [i].field} keys);
     * this default stores them one by one.
     */
    default java.util.List<Outcome> companies(java.util.List<CompanyRecord> records, java.util.List<String> sourcePositions) {
        java.util.List<Outcome> out = new java.util.ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            out.add(company(records.get(i), sourcePositions.get(i)));
        }
        return out;
    }

    /** Like {@link #companies(java.util.List, java.util.List)}. */
    default java.util.List<Outcome> financials(java.util.List<FinancialStatement> statements, java.util.List<String> sourcePositions) {
        java.util.List<Outcome> out = new java.util.ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            out.add(financials(statements.get(i), sourcePositions.get(i)));
        }
        return out;
    }

    /** Like {@link #companies(java.util.List, java.util.List)}. */
    default java.util.List<Outcome> regionStats(java.util.List<RegionStat> stats, java.util.List<String> sourcePositions) {
        java.util.List<Outcome> out = new java.util.ArrayList<>(stats.size());
        for (int i = 0; i < stats.size(); i++) {
            out.add(regionStat(stats.get(i), sourcePositions.get(i)));
        }
        return out;
    }

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
