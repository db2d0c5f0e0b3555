package eu.danubia.connector.sdk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import eu.danubia.api.ValidationException;
import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.api.ingest.IngestService;
import eu.danubia.api.ingest.IngestService.Outcome;
import eu.danubia.api.ingest.RegionStat;

/**
 * The one place where records reach the {@link IngestService}, a batch at a time. Today it calls the
 * single-record methods in a loop; when the service offers a batch method, only {@link #store(List)} changes.
 */
public final class RecordStore {

    /** A record waiting to be stored, with its full source position. */
    public record Pending(Object record, String position) {
    }

    /** What became of one record: stored, unchanged, or refused by the store's validation with a reason. */
    public record Result(Outcome outcome, String invalidReason) {
        static Result of(Outcome outcome) {
            return new Result(outcome, null);
        }

        static Result invalid(String reason) {
            return new Result(null, reason);
        }

        public boolean invalid() {
            return invalidReason != null;
        }
    }

    private final IngestService ingest;

    public RecordStore(IngestService ingest) {
        this.ingest = ingest;
    }

    /**
     * @return one result per record, in order
     * @throws StoreFailedException when the service fails for another reason than validation
     */
    public List<Result> store(List<Pending> batch) {
        List<Result> results = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            try {
                results.add(Result.of(storeOne(p)));
            } catch (ValidationException e) {
                results.add(Result.invalid(reason(e)));
            } catch (RuntimeException e) {
                throw new StoreFailedException("storing " + p.position() + " failed: " + e, e);
            }
        }
        return results;
    }

    /** A dead letter; idempotent per connector and position. */
    public void reject(String connector, String position, String payload, String reason) {
        try {
            ingest.reject(connector, position, Texts.cut(payload, eu.danubia.connector.sdk.Item.Rejected.MAX_PAYLOAD),
                    Texts.cut(reason, Texts.MAX_REASON));
        } catch (RuntimeException e) {
            throw new StoreFailedException("writing the dead letter for " + position + " failed: " + e, e);
        }
    }

    private Outcome storeOne(Pending p) {
        Object r = p.record();
        if (r instanceof CompanyRecord c) {
            return ingest.company(c, p.position());
        }
        if (r instanceof FinancialStatement f) {
            return ingest.financials(f, p.position());
        }
        if (r instanceof RegionStat s) {
            return ingest.regionStat(s, p.position());
        }
        throw new IllegalArgumentException("not a normalized record: " + r.getClass().getName());
    }

    static String reason(ValidationException e) {
        Map<String, String> errors = e.errors();
        if (errors == null || errors.isEmpty()) {
            return e.getMessage();
        }
        return errors.entrySet().stream().map(en -> en.getKey() + ": " + en.getValue())
                .sorted().collect(Collectors.joining("; "));
    }
}
