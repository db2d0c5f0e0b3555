package eu.danubia.indicators.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.cooperation.Cooperation;
import eu.danubia.api.cooperation.CooperationListener;
import eu.danubia.api.ingest.IngestChange;
import eu.danubia.api.ingest.IngestListener;
import eu.danubia.api.ingest.IngestService;
import eu.danubia.api.directory.DirectoryService;
import eu.danubia.store.Database;
import eu.danubia.store.Jdbc;
import eu.danubia.store.Workers;

/**
 * Keeps the facts and their rollup up to date, near real time. The ingest store's notifications
 * queue national ids; one worker thread recomputes them in batches of at most
 * {@value IndicatorRepository#IN_MAX}, each batch in one transaction that diffs the stored facts,
 * applies the rollup deltas and bumps the version, so a batch is idempotent. A catch-up on start
 * and every {@code catchUpSeconds} re-reads the ingest rows (and directory organisations)
 * changed since the watermark minus an overlap, except the companies whose latest notification this
 * engine already processed: a missed notification or a crash only delays. (A change written to the
 * ingest tables without the IngestService, by hand in SQL, notifies nobody: danubia:indicators-rebuild.)
 * A recorded cooperation bumps the version.
 */
@Component(service = {IndicatorEngine.class, IngestListener.class, CooperationListener.class}, immediate = true,
        configurationPid = IndicatorsConfig.PID)
@Designate(ocd = IndicatorsConfig.class)
public class IndicatorEngine implements IngestListener, CooperationListener {

    private static final Logger LOG = LoggerFactory.getLogger(IndicatorEngine.class);
    private static final String MODULE = "indicators";

    private final Database db;
    private final IndicatorRepository repository;
    private final Clock clock;
    private final Duration overlap;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    /**
     * Companies whose latest notification this engine has processed, and when. Every commit of the
     * ingest store notifies afterwards, so while this engine lives a catch-up need not re-read them
     * from the ingest tables; a notification removes its companies until they are processed again.
     * Guarded by itself together with {@link #pending}.
     */
    private final Map<String, Instant> notified = new ConcurrentHashMap<>();
    private volatile int lastCatchUpCompanies;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final ScheduledExecutorService worker;
    private final Object writing = new Object();

    /**
     * The ingest service and the directory are not called: referencing them makes the engine start after
     * their bundles created the tables the catch-up reads (ingest_*, organisations, organisation_ids).
     */
    @Activate
    public IndicatorEngine(@Reference Database db, @Reference IngestService ingest, @Reference DirectoryService directory,
            IndicatorsConfig config) {
        this(db, Clock.systemUTC(), Duration.ofSeconds(Math.max(0, config.overlapSeconds())), true);
        worker.execute(this::catchUpQuietly);
        int every = Math.max(5, Math.min(3600, config.catchUpSeconds()));
        worker.scheduleWithFixedDelay(this::catchUpQuietly, every, every, TimeUnit.SECONDS);
    }

    /** With {@code background} false nothing runs by itself: tests call {@link #process}, {@link #catchUp} and {@link #drain}. */
    IndicatorEngine(Database db, Clock clock, Duration overlap, boolean background) {
        this.db = db;
        this.clock = clock;
        this.overlap = overlap;
        db.migrate(MODULE, IndicatorEngine.class.getClassLoader());
        this.repository = new IndicatorRepository(db);
        this.worker = background ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "danubia-indicators");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** For tests: an engine without its own thread. */
    public static IndicatorEngine manual(Database db) {
        return new IndicatorEngine(db, Clock.systemUTC(), Duration.ofSeconds(120), false);
    }

    @Deactivate
    void stop() {
        if (worker != null && !Workers.stop(worker, Duration.ofSeconds(30))) {
            LOG.warn("the indicator update did not stop within 30 s; it ends after its current batch");
        }
    }

    public IndicatorRepository repository() {
        return repository;
    }

    // ---- notifications --------------------------------------------------------------------

    @Override
    public void changed(IngestChange change) {
        synchronized (notified) {
            change.companies().forEach(k -> {
                notified.remove(k.nationalId());
                pending.add(k.nationalId());
            });
        }
        if (worker != null && !pending.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            worker.execute(() -> {
                drainScheduled.set(false);
                try {
                    drain();
                } catch (RuntimeException e) {
                    LOG.warn("indicator update failed; the next catch-up retries it", e);
                }
            });
        }
    }

    @Override
    public void recorded(Cooperation cooperation) {
        db.transaction(repository::bump);
    }

    /** Recomputes the queued companies now; returns how many fact rows changed. */
    public int drain() {
        List<String> ids = new ArrayList<>(pending);
        pending.removeAll(ids);
        int changed = process(ids);
        Instant done = clock.instant();
        synchronized (notified) {
            for (String id : ids) {
                if (!pending.contains(id)) { // notified again meanwhile: not covered until processed again
                    notified.put(id, done);
                }
            }
        }
        return changed;
    }

    /** Recomputes the facts of these national ids, in batches of one transaction each; returns how many fact rows changed. */
    public int process(Collection<String> nationalIds) {
        return process(nationalIds, false);
    }

    /**
     * With {@code notificationsFirst} (the catch-up), the companies that notifications queued meanwhile
     * go before each batch: a catch-up that re-reads thousands of companies (after a bulk load, every
     * catch-up within the overlap does) delays a fresh import by one batch, not by the whole catch-up.
     */
    private int process(Collection<String> nationalIds, boolean notificationsFirst) {
        int changed = 0;
        synchronized (writing) {
            for (List<String> batch : IndicatorRepository.chunks(nationalIds)) {
                if (worker != null && worker.isShutdown()) {
                    // stopping: the catch-up at the next start redoes what is left
                    break;
                }
                if (notificationsFirst && !pending.isEmpty()) {
                    changed += drain();
                }
                changed += db.transaction(c -> {
                    int n = repository.replace(c, repository.facts(c, batch), FactBuilder.build(c, batch));
                    if (n > 0) {
                        repository.bump(c);
                    }
                    return n;
                });
            }
        }
        return changed;
    }

    /** Re-reads what changed since the watermark minus the overlap (everything the first time); returns fact rows changed. */
    public int catchUp() {
        synchronized (writing) {
            Instant started = clock.instant();
            Instant watermark = db.read(repository::watermark);
            Set<String> ids = db.read(c -> {
                Set<String> out = new LinkedHashSet<>();
                if (watermark == null) {
                    out.addAll(Jdbc.query(c, "SELECT DISTINCT national_id FROM ingest_companies", rs -> rs.getString(1)));
                    out.addAll(Jdbc.query(c, "SELECT DISTINCT national_id FROM ingest_financials", rs -> rs.getString(1)));
                    out.addAll(Jdbc.query(c, "SELECT DISTINCT national_id FROM indicator_facts", rs -> rs.getString(1)));
                } else {
                    Instant since = watermark.minus(overlap);
                    out.addAll(Jdbc.query(c, "SELECT DISTINCT national_id FROM ingest_companies WHERE last_changed > ?",
                            rs -> rs.getString(1), since));
                    out.addAll(Jdbc.query(c, "SELECT DISTINCT national_id FROM ingest_financials WHERE last_changed > ?",
                            rs -> rs.getString(1), since));
                    // already processed after their latest notification (after a bulk load: all of them)
                    out.removeAll(notified.keySet());
                    // older entries cannot matter any more: a row changed in the window notified after them
                    notified.values().removeIf(t -> t.isBefore(since));
                    // a directory organisation (re)linked or moved: its national ids (no notification for those)
                    out.addAll(Jdbc.query(c, "SELECT oi.\"value\" FROM organisation_ids oi JOIN organisations o"
                            + " ON o.id = oi.organisation_id WHERE o.updated_at > ?", rs -> rs.getString(1), since));
                }
                return out;
            });
            lastCatchUpCompanies = ids.size();
            int changed = process(ids, true);
            db.transaction(c -> {
                repository.watermark(c, started);
                return null;
            });
            return changed;
        }
    }

    /** How many companies the last catch-up re-read. */
    int lastCatchUpCompanies() {
        return lastCatchUpCompanies;
    }

    /** Recomputes every company from the ingest tables (the rollup follows by deltas); returns fact rows changed. */
    public int rebuild() {
        synchronized (writing) {
            db.transaction(c -> {
                repository.watermark(c, null);
                return null;
            });
            return catchUp();
        }
    }

    private void catchUpQuietly() {
        try {
            int changed = catchUp();
            if (changed > 0) {
                LOG.info("indicator catch-up: {} companies re-read, {} company-year facts changed", lastCatchUpCompanies, changed);
            }
        } catch (RuntimeException e) {
            LOG.warn("indicator catch-up failed; retried at the next one", e);
        }
    }
}
