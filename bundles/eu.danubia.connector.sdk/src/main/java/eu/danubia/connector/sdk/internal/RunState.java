package eu.danubia.connector.sdk.internal;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.danubia.api.ingest.ImportRun;
import eu.danubia.connector.sdk.ImportProgress;
import eu.danubia.connector.sdk.ProgressListener;

/** The live counts of one run; written by the importing thread, read by anyone (the shell, the listener). */
public final class RunState {

    private static final Logger LOG = LoggerFactory.getLogger(RunState.class);
    private static final long REPORT_EVERY_NANOS = 200_000_000L;

    final UUID id;
    final String connector;
    final String source;
    final Instant startedAt;
    private final ProgressListener listener;
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong read = new AtomicLong();
    final AtomicLong stored = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    volatile long totalBytes = -1;
    private volatile Instant finishedAt;
    private volatile String error;
    private long lastReport;

    RunState(UUID id, String connector, String source, Instant startedAt, ProgressListener listener) {
        this.id = id;
        this.connector = connector;
        this.source = source;
        this.startedAt = startedAt;
        this.listener = listener == null ? ProgressListener.NONE : listener;
    }

    public UUID id() {
        return id;
    }

    public String error() {
        return error;
    }

    public boolean finished() {
        return finishedAt != null;
    }

    void finish(Instant at, String error) {
        this.error = error;
        this.finishedAt = at;
        report(true);
    }

    public ImportProgress snapshot() {
        return new ImportProgress(id, connector, source, bytes.get(), totalBytes, read.get(), stored.get(),
                unchanged.get(), rejected.get(), finishedAt != null);
    }

    public ImportRun toImportRun() {
        return new ImportRun(id, connector, source, startedAt, finishedAt, finishedAt == null ? "RUNNING"
                : error == null ? "DONE" : "FAILED", read.get(), stored.get(), unchanged.get(), rejected.get(), error);
    }

    /** Tells the listener, at most five times a second unless {@code force}. */
    void report(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastReport < REPORT_EVERY_NANOS) {
            return;
        }
        lastReport = now;
        try {
            listener.progress(snapshot());
        } catch (RuntimeException e) {
            // a broken progress display must not break the import
            LOG.debug("Progress listener of run {} failed", id, e);
        }
    }
}
