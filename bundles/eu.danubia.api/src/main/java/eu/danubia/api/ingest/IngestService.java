package eu.danubia.api.ingest;

/**
 * Where connectors hand their normalized records. Each call stores the record, its idempotency key
 * and its source position in one transaction: re-importing the same data changes nothing.
 */
public interface IngestService {

    Outcome company(CompanyRecord record, String sourcePosition);

    Outcome financials(FinancialStatement statement, String sourcePosition);

    Outcome regionStat(RegionStat stat, String sourcePosition);

    /** Keeps a rejected record with the reason, for the dead-letter list. */
    void reject(String source, String sourcePosition, String payload, String reason);

    /** What storing one record did. */
    enum Outcome {
        STORED, UNCHANGED
    }
}
