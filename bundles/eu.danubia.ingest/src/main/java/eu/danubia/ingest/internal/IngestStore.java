package eu.danubia.ingest.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.ConflictException;
import eu.danubia.api.NotFoundException;
import eu.danubia.api.ValidationException;
import eu.danubia.api.Validator;
import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.api.ingest.ImportRun;
import eu.danubia.api.ingest.IngestChange;
import eu.danubia.api.ingest.IngestListener;
import eu.danubia.api.ingest.IngestService;
import eu.danubia.api.ingest.RegionStat;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;
import eu.danubia.store.SqlWork;
import eu.danubia.store.StoreException;

/**
 * The connectors' records, stored idempotently by natural key (source and register id; source,
 * register id and year; dataset, region, NACE, unit and year). A record whose content hash equals
 * the stored one is not written and answers {@link Outcome#UNCHANGED}; see {@link Upsert} for why
 * a crash, a re-import or a concurrent import leaves exactly one row per key.
 *
 * <p>Beside the single-record calls of {@link IngestService} it stores whole batches in one
 * transaction ({@link #companies}, {@link #financials(List, List)}, {@link #regionStats}), with
 * the outcomes the single calls would have given in the same order; and it answers operators'
 * questions ({@link #deadLetters}, {@link #counts}).
 */
@Component(service = IngestService.class, immediate = true)
public class IngestStore implements IngestService {

    static final String MODULE = "ingest";
    static final int LIMIT_MAX = 1000;
    static final int PAYLOAD_MAX = 4000;
    static final int REASON_MAX = 1000;
    static final int RUN_SOURCE_MAX = 1000;
    static final int ERROR_MAX = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(IngestStore.class);
    /** Deadlocks and serialization failures are retried; key-ordered writes make them rare. */
    private static final int ATTEMPTS = 3;

    private final Database db;
    private final Clock clock;
    /** Per table: whether its last batch was mostly unchanged. */
    private final Map<String, Boolean> reimporting = new ConcurrentHashMap<>();
    /** Told after each commit that stored something; copy-on-write, as imports read it far more often than it changes. */
    private final List<IngestListener> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public IngestStore(@Reference Database db) {
        this(db, Clock.systemUTC());
    }

    IngestStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        db.migrate(MODULE, IngestStore.class.getClassLoader());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addListener(IngestListener listener) {
        listeners.add(listener);
    }

    public void removeListener(IngestListener listener) {
        listeners.remove(listener);
    }

    // ---- records ----------------------------------------------------------------------------

    @Override
    public Outcome company(CompanyRecord record, String sourcePosition) {
        check(Checks.company(record, sourcePosition, today()));
        return store(Tables.COMPANIES, List.of(record), List.of(Checks.position(sourcePosition)))[0];
    }

    @Override
    public Outcome financials(FinancialStatement statement, String sourcePosition) {
        check(Checks.financials(statement, sourcePosition, today()));
        return store(Tables.FINANCIALS, List.of(statement), List.of(Checks.position(sourcePosition)))[0];
    }

    @Override
    public Outcome regionStat(RegionStat stat, String sourcePosition) {
        check(Checks.regionStat(stat, sourcePosition));
        return store(Tables.REGION_STATS, List.of(stat), List.of(Checks.position(sourcePosition)))[0];
    }

    /**
     * Stores the records in one transaction; outcome {@code i} is that of {@code records.get(i)},
     * as if each had been stored by {@link #company} in list order.
     *
     * @throws ValidationException when any record is invalid, with fields such as {@code [3].country};
     *         then nothing is stored
     */
    @Override
    public List<Outcome> companies(List<CompanyRecord> records, List<String> sourcePositions) {
        LocalDate today = today();
        return storeAll(Tables.COMPANIES, records, sourcePositions, (r, p) -> Checks.company(r, p, today));
    }

    /** Like {@link #companies}, for financial statements. */
    @Override
    public List<Outcome> financials(List<FinancialStatement> statements, List<String> sourcePositions) {
        LocalDate today = today();
        return storeAll(Tables.FINANCIALS, statements, sourcePositions, (f, p) -> Checks.financials(f, p, today));
    }

    /** Like {@link #companies}, for regional statistics. */
    @Override
    public List<Outcome> regionStats(List<RegionStat> stats, List<String> sourcePositions) {
        return storeAll(Tables.REGION_STATS, stats, sourcePositions, Checks::regionStat);
    }

    private <T> List<Outcome> storeAll(RecordTable<T> table, List<T> records, List<String> positions,
            BiFunction<T, String, Map<String, String>> checks) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(positions, "sourcePositions");
        if (records.size() != positions.size()) {
            throw new IllegalArgumentException(records.size() + " records but " + positions.size() + " positions");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            Map<String, String> found = checks.apply(records.get(i), positions.get(i));
            if (!found.isEmpty()) {
                String prefix = "[" + i + "].";
                found.forEach((field, problem) -> errors.put(prefix + field, problem));
            }
        }
        check(errors);
        if (records.isEmpty()) {
            return List.of();
        }
        return List.of(store(table, records, positions.stream().map(Checks::position).toList()));
    }

    /**
     * Reads first when the previous batch of the table was mostly unchanged: a re-import stays a
     * re-import and a first import a first import from one batch to the next.
     */
    private <T> Outcome[] store(RecordTable<T> table, List<T> records, List<String> positions) {
        boolean readFirst = reimporting.getOrDefault(table.name, false);
        Outcome[] outcomes = transaction(c -> Upsert.store(c, table, records, positions, now(), readFirst));
        long unchanged = Arrays.stream(outcomes).filter(Outcome.UNCHANGED::equals).count();
        reimporting.put(table.name, unchanged * 2 > outcomes.length);
        if (unchanged < outcomes.length) {
            announce(table, records, outcomes);
        }
        return outcomes;
    }

    /** Tells the listeners what the committed write stored; a failing listener never fails the import. */
    private <T> void announce(RecordTable<T> table, List<T> records, Outcome[] outcomes) {
        if (listeners.isEmpty()) {
            return;
        }
        Set<IngestChange.CompanyKey> companies = new HashSet<>();
        Set<String> datasets = new HashSet<>();
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] != Outcome.STORED) {
                continue;
            }
            Object record = records.get(i);
            if (record instanceof CompanyRecord r) {
                companies.add(new IngestChange.CompanyKey(r.source(), r.nationalId()));
            } else if (record instanceof FinancialStatement f) {
                companies.add(new IngestChange.CompanyKey(f.source(), f.nationalId()));
            } else if (record instanceof RegionStat r) {
                datasets.add(r.dataset());
            }
        }
        IngestChange change = new IngestChange(companies, datasets);
        for (IngestListener listener : listeners) {
            try {
                listener.changed(change);
            } catch (RuntimeException e) {
                LOG.warn("ingest listener {} failed; the import goes on", listener.getClass().getName(), e);
            }
        }
    }

    // ---- dead letters -----------------------------------------------------------------------

    @Override
    public void reject(String source, String sourcePosition, String payload, String reason) {
        Checks.Errors e = new Checks.Errors();
        Checks.source(e, "source", source);
        Checks.position(e, sourcePosition);
        if (reason == null || reason.isBlank()) {
            e.add("reason", "is required");
        }
        check(e.map());
        String position = Checks.position(sourcePosition);
        String p = cut(payload == null ? "" : payload, PAYLOAD_MAX);
        String r = cut(reason, REASON_MAX);
        transaction(c -> {
            Instant now = now();
            int inserted = Jdbc.update(c, "INSERT INTO ingest_dead_letters (source, source_position, payload, reason, rejected_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", source, position, p, r, now);
            if (inserted == 0) {
                Jdbc.update(c, "UPDATE ingest_dead_letters SET payload = ?, reason = ?, rejected_at = ?"
                        + " WHERE source = ? AND source_position = ? AND (payload <> ? OR reason <> ?)",
                        p, r, now, source, position, p, r);
            }
            return null;
        });
    }

    /** The latest dead letters of a source, or of all sources when it is null, newest first. */
    public List<DeadLetter> deadLetters(String source, int limit) {
        checkLimit(limit);
        String where = source == null ? "" : " WHERE source = ?";
        Object[] params = source == null ? new Object[] {limit} : new Object[] {source, limit};
        return db.read(c -> Jdbc.query(c, "SELECT id, source, source_position, payload, reason, rejected_at"
                + " FROM ingest_dead_letters" + where + " ORDER BY rejected_at DESC, id DESC LIMIT ?",
                rs -> new DeadLetter(rs.getLong("id"), rs.getString("source"), rs.getString("source_position"),
                        rs.getString("payload"), rs.getString("reason"), Jdbc.instant(rs, "rejected_at")),
                params));
    }

    /** Rows per source, ordered by source. */
    public List<SourceCounts> counts() {
        return db.read(c -> {
            Map<String, long[]> bySource = new TreeMap<>();
            count(c, bySource, "SELECT source, COUNT(*) FROM ingest_companies GROUP BY source", 0);
            count(c, bySource, "SELECT source, COUNT(*) FROM ingest_financials GROUP BY source", 1);
            count(c, bySource, "SELECT dataset, COUNT(*) FROM ingest_region_stats GROUP BY dataset", 2);
            count(c, bySource, "SELECT source, COUNT(*) FROM ingest_dead_letters GROUP BY source", 3);
            return bySource.entrySet().stream()
                    .map(e -> new SourceCounts(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                    .toList();
        });
    }

    private static void count(Connection c, Map<String, long[]> into, String sql, int column) throws SQLException {
        for (Object[] row : Jdbc.query(c, sql, rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
            into.computeIfAbsent((String) row[0], k -> new long[4])[column] = (Long) row[1];
        }
    }

    // ---- runs -------------------------------------------------------------------------------

    @Override
    public UUID startRun(String connector, String source) {
        Checks.Errors e = new Checks.Errors();
        Checks.source(e, "connector", connector);
        Checks.text(e, "source", source, RUN_SOURCE_MAX, true);
        check(e.map());
        UUID id = UUID.randomUUID();
        transaction(c -> Jdbc.update(c, "INSERT INTO ingest_runs (id, connector, source, started_at, state, read_count,"
                + " stored_count, unchanged_count, rejected_count) VALUES (?, ?, ?, ?, 'RUNNING', 0, 0, 0, 0)",
                id, connector, source, now()));
        return id;
    }

    @Override
    public void finishRun(UUID run, long read, long stored, long unchanged, long rejected, String error) {
        new Validator().required("run", run)
                .that(read >= 0, "read", "must not be negative")
                .that(stored >= 0, "stored", "must not be negative")
                .that(unchanged >= 0, "unchanged", "must not be negative")
                .that(rejected >= 0, "rejected", "must not be negative")
                .check();
        String state = error == null ? "DONE" : "FAILED";
        String e = error == null ? null : cut(error, ERROR_MAX);
        transaction(c -> {
            int updated = Jdbc.update(c, "UPDATE ingest_runs SET finished_at = ?, state = ?, read_count = ?, stored_count = ?,"
                    + " unchanged_count = ?, rejected_count = ?, error = ? WHERE id = ? AND state = 'RUNNING'",
                    now(), state, read, stored, unchanged, rejected, e, run);
            if (updated == 0) {
                if (Jdbc.count(c, "SELECT COUNT(*) FROM ingest_runs WHERE id = ?", run) == 0) {
                    throw new NotFoundException("Import run");
                }
                throw new ConflictException("The import run is already finished");
            }
            return null;
        });
    }

    @Override
    public List<ImportRun> runs(int limit) {
        checkLimit(limit);
        return db.read(c -> Jdbc.query(c, "SELECT id, connector, source, started_at, finished_at, state, read_count,"
                + " stored_count, unchanged_count, rejected_count, error FROM ingest_runs"
                + " ORDER BY started_at DESC, seq DESC LIMIT ?",
                rs -> new ImportRun(Jdbc.uuid(rs, "id"), rs.getString("connector"), rs.getString("source"),
                        Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"), rs.getString("state"),
                        rs.getLong("read_count"), rs.getLong("stored_count"), rs.getLong("unchanged_count"),
                        rs.getLong("rejected_count"), rs.getString("error")),
                limit));
    }

    // ---- helpers ----------------------------------------------------------------------------

    private <T> T transaction(SqlWork<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return db.transaction(work);
            } catch (StoreException e) {
                if (attempt >= ATTEMPTS || !retryable(e)) {
                    throw e;
                }
                LOG.debug("ingest transaction failed transiently, attempt {} of {}: {}", attempt, ATTEMPTS, e.getCause().getMessage());
            }
        }
    }

    /** Deadlock detected (40P01) or serialization failure (40001, also H2's deadlock code). */
    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException x = s; x != null; x = x.getNextException()) {
                    if ("40001".equals(x.getSQLState()) || "40P01".equals(x.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void check(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void checkLimit(int limit) {
        new Validator().that(limit >= 1 && limit <= LIMIT_MAX, "limit", "must be between 1 and " + LIMIT_MAX).check();
    }

    /** Cut to fit its column, without splitting a surrogate pair; NUL, which PostgreSQL refuses, replaced. */
    static String cut(String s, int max) {
        String t = s.indexOf('\u0000') < 0 ? s : s.replace('\u0000', '\uFFFD');
        if (t.length() <= max) {
            return t;
        }
        int end = Character.isHighSurrogate(t.charAt(max - 1)) ? max - 1 : max;
        return t.substring(0, end);
    }

    private Instant now() {
        // both databases keep microseconds
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
