package eu.danubia.connector.sdk.internal.shell;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import eu.danubia.api.ingest.ImportRun;
import eu.danubia.connector.sdk.ImportProgress;
import eu.danubia.connector.sdk.ProgressListener;

/**
 * Shows an import's progress: on a terminal one line that updates in place, elsewhere (a pipe, a log, a
 * non-interactive ssh command) a new line per 10 %, or per 10,000 items when the size is unknown.
 */
final class ProgressPrinter implements ProgressListener {

    static final int ITEMS_PER_LINE = 10_000;
    private static final int BAR = 24;

    private final PrintStream out;
    private final boolean tty;
    private final int width;
    private UUID run;
    private int lastTenth;
    private long lastItems;
    private boolean lineOpen;

    ProgressPrinter(PrintStream out, boolean tty, int width) {
        this.out = out;
        this.tty = tty;
        this.width = Math.max(40, width);
    }

    @Override
    public void progress(ImportProgress p) {
        if (!p.run().equals(run)) {
            end();
            run = p.run();
            lastTenth = 0;
            lastItems = 0;
            out.println("Importing " + p.source());
        }
        if (tty) {
            String line = line(p);
            out.print('\r' + pad(line.length() > width - 1 ? line.substring(0, width - 1) : line));
            lineOpen = true;
            if (p.finished()) {
                end();
            }
        } else {
            int percent = p.percent();
            boolean print;
            if (percent >= 0) {
                int tenth = percent / 10;
                print = tenth > lastTenth || (p.finished() && lastTenth < 10);
                if (print) {
                    lastTenth = tenth;
                }
            } else {
                long items = p.read() / ITEMS_PER_LINE;
                print = items > lastItems || p.finished();
                lastItems = items;
            }
            if (print) {
                out.println(line(p));
            }
        }
        out.flush();
    }

    /** Closes an open progress line. */
    void end() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }

    static String line(ImportProgress p) {
        int percent = p.percent();
        String head;
        if (percent >= 0) {
            int filled = percent * BAR / 100;
            head = "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + String.format(Locale.ROOT, "%3d%%", percent);
        } else {
            head = "[" + (p.finished() ? "#".repeat(BAR) : " ".repeat(BAR)) + "]  " + bytes(p.bytesRead());
        }
        return head + "  " + counts(p.read(), p.stored(), p.unchanged(), p.rejected());
    }

    static String summary(ImportRun run) {
        String took = run.finishedAt() == null ? "" : " in " + seconds(Duration.between(run.startedAt(), run.finishedAt()));
        String text = run.state() + took + ": " + counts(run.read(), run.stored(), run.unchanged(), run.rejected())
                + "  (run " + run.id() + ")";
        return run.error() == null ? text : text + "\n  error: " + run.error();
    }

    static String counts(long read, long stored, long unchanged, long rejected) {
        return String.format(Locale.ROOT, "%,d read, %,d stored, %,d unchanged, %,d rejected", read, stored, unchanged, rejected);
    }

    private static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private String pad(String line) {
        int missing = width - 1 - line.length();
        return missing > 0 ? line + " ".repeat(missing) : line;
    }
}
