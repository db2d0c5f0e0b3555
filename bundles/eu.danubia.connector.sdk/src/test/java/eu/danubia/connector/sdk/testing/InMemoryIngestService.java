package eu.danubia.connector.sdk.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

import eu.danubia.api.ValidationException;
import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.api.ingest.ImportRun;
import eu.danubia.api.ingest.IngestService;
import eu.danubia.api.ingest.RegionStat;

/**
 * An {@link IngestService} in memory, for connector tests: idempotent by each record's natural key, with dead
 * letters and runs. It checks no more than that the key fields are present.
 *
 * <p>This fake is enough here because connector tests check what a connector hands to the store; the store
 * itself ({@code eu.danubia.ingest}: SQL, transactions, its real validation) has its own tests on H2 and
 * PostgreSQL. Make it refuse records with {@link #refuse} to test a connector's dead letters, or fail entirely
 * with {@link #failWith} to test a database outage.
 */
public final class InMemoryIngestService implements IngestService {

    /** One call to a store method and what it answered. */
    public record Call(Object record, String position, Outcome outcome) {
    }

    public record DeadLetter(String source, String position, String payload, String reason) {
    }

    private final Clock clock;
    private final Map<String, Object> records = new LinkedHashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, DeadLetter> deadLetters = new LinkedHashMap<>();
    private final Map<UUID, ImportRun> runs = new LinkedHashMap<>();
    private Predicate<Object> refused = r -> false;
    private String refusedField;
    private String refusedProblem;
    private RuntimeException failure;

    public InMemoryIngestService() {
        this(Clock.systemUTC());
    }

    public InMemoryIngestService(Clock clock) {
        this.clock = clock;
    }

    /** Makes the store refuse matching records with a {@link ValidationException} on {@code field}. */
    public synchronized InMemoryIngestService refuse(Predicate<Object> which, String field, String problem) {
        this.refused = which;
        this.refusedField = field;
        this.refusedProblem = problem;
        return this;
    }

    /** Makes every call fail with {@code e} (null: work again), as a database outage would. */
    public synchronized InMemoryIngestService failWith(RuntimeException e) {
        this.failure = e;
        return this;
    }

    @Override
    public synchronized Outcome company(CompanyRecord r, String sourcePosition) {
        return store(r, "company", sourcePosition, required("source", r.source()), required("nationalId", r.nationalId()));
    }

    @Override
    public synchronized Outcome financials(FinancialStatement s, String sourcePosition) {
        return store(s, "financials", sourcePosition, required("source", s.source()),
                required("nationalId", s.nationalId()), String.valueOf(s.year()));
    }

    @Override
    public synchronized Outcome regionStat(RegionStat s, String sourcePosition) {
        return store(s, "regionStat", sourcePosition, required("dataset", s.dataset()), required("nutsCode", s.nutsCode()),
                String.valueOf(s.nace()), String.valueOf(s.unit()), String.valueOf(s.year()));
    }

    /** All or nothing, like the platform's store: one invalid record refuses the whole batch. */
    @Override
    public synchronized List<Outcome> companies(List<CompanyRecord> rs, List<String> positions) {
        return atomically(() -> IngestService.super.companies(rs, positions));
    }

    @Override
    public synchronized List<Outcome> financials(List<FinancialStatement> ss, List<String> positions) {
        return atomically(() -> IngestService.super.financials(ss, positions));
    }

    @Override
    public synchronized List<Outcome> regionStats(List<RegionStat> ss, List<String> positions) {
        return atomically(() -> IngestService.super.regionStats(ss, positions));
    }

    private List<Outcome> atomically(java.util.function.Supplier<List<Outcome>> batch) {
        java.util.Map<String, Object> recordsBefore = new java.util.LinkedHashMap<>(records);
        int callsBefore = calls.size();
        try {
            return batch.get();
        } catch (RuntimeException e) {
            records.clear();
            records.putAll(recordsBefore);
            calls.subList(callsBefore, calls.size()).clear();
            throw e;
        }
    }

    @Override
    public synchronized void reject(String source, String sourcePosition, String payload, String reason) {
        failIfBroken();
        deadLetters.put(source + "\u0000" + sourcePosition, new DeadLetter(source, sourcePosition, payload, reason));
    }

    @Override
    public synchronized UUID startRun(String connector, String source) {
        failIfBroken();
        UUID id = UUID.randomUUID();
        runs.put(id, new ImportRun(id, connector, source, clock.instant(), null, "RUNNING", 0, 0, 0, 0, null));
        return id;
    }

    @Override
    public synchronized void finishRun(UUID run, long read, long stored, long unchanged, long rejected, String error) {
        failIfBroken();
        ImportRun r = Objects.requireNonNull(runs.get(run), "unknown run " + run);
        runs.put(run, new ImportRun(run, r.connector(), r.source(), r.startedAt(), clock.instant(),
                error == null ? "DONE" : "FAILED", read, stored, unchanged, rejected, error));
    }

    @Override
    public synchronized List<ImportRun> runs(int limit) {
        List<ImportRun> list = new ArrayList<>(runs.values());
        list.sort(Comparator.comparing(ImportRun::startedAt).reversed());
        return list.subList(0, Math.min(limit, list.size()));
    }

    /** Every run in the order it started. */
    public synchronized List<ImportRun> allRuns() {
        return List.copyOf(runs.values());
    }

    /** The records held now (the latest version of each), in the order first stored. */
    public synchronized List<Object> records() {
        return List.copyOf(records.values());
    }

    /** Every store call so far, in order; {@link #clearCalls()} starts a new log. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized void clearCalls() {
        calls.clear();
    }

    public synchronized List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters.values());
    }

    private Outcome store(Object record, String kind, String position, String... key) {
        failIfBroken();
        if (refused.test(record)) {
            throw new ValidationException(refusedField, refusedProblem);
        }
        String k = kind + "\u0000" + String.join("\u0000", key);
        Object previous = records.put(k, record);
        Outcome outcome = record.equals(previous) ? Outcome.UNCHANGED : Outcome.STORED;
        calls.add(new Call(record, position, outcome));
        return outcome;
    }

    private void failIfBroken() {
        if (failure != null) {
            throw failure;
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "required");
        }
        return value;
    }

    @Override
    public String toString() {
        return "InMemoryIngestService[" + records.size() + " records, " + deadLetters.size() + " dead letters, "
                + runs.size() + " runs, at " + Instant.now(clock) + "]";
    }
}
