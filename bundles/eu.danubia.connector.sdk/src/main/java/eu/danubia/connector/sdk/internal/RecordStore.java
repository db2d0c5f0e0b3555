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
 * The one place where records reach the {@link IngestService}, a batch at a time: each kind of record
 * of a batch goes in one call of the service's batch method (one transaction). When the store refuses a
 * batch because a record is invalid, that batch is stored again record by record, so only the invalid
 * ones become dead letters.
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
        Result[] results = new Result[batch.size()];
        storeKind(batch, CompanyRecord.class, results, (rs, ps) -> ingest.companies(rs, ps));
        storeKind(batch, FinancialStatement.class, results, (rs, ps) -> ingest.financials(rs, ps));
        storeKind(batch, RegionStat.class, results, (rs, ps) -> ingest.regionStats(rs, ps));
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                throw new IllegalArgumentException("not a normalized record: " + batch.get(i).record().getClass().getName());
            }
        }
        return List.of(results);
    }

    private <T> void storeKind(List<Pending> batch, Class<T> kind, Result[] results,
            java.util.function.BiFunction<List<T>, List<String>, List<Outcome>> many) {
        List<Integer> at = new ArrayList<>();
        List<T> records = new ArrayList<>();
        List<String> positions = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (kind.isInstance(batch.get(i).record())) {
                at.add(i);
                records.add(kind.cast(batch.get(i).record()));
                positions.add(batch.get(i).position());
            }
        }
        if (records.isEmpty()) {
            return;
        }
        try {
            List<Outcome> outcomes = many.apply(records, positions);
            for (int j = 0; j < at.size(); j++) {
                results[at.get(j)] = Result.of(outcomes.get(j));
            }
            return;
        } catch (ValidationException e) {
            // one invalid record refuses the batch: store one by one to tell which
        } catch (RuntimeException e) {
            throw new StoreFailedException("storing " + positions.get(0) + " … " + positions.get(positions.size() - 1)
                    + " failed: " + e, e);
        }
        for (int i : at) {
            Pending p = batch.get(i);
            try {
                results[i] = Result.of(storeOne(p));
            } catch (ValidationException e) {
                results[i] = Result.invalid(reason(e));
            } catch (RuntimeException e) {
                throw new StoreFailedException("storing " + p.position() + " failed: " + e, e);
            }
        }
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
