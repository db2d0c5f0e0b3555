package eu.danubia.matching.internal.shell;

import java.io.PrintStream;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.Terminal;

import eu.danubia.matching.internal.MatchingAdmin;

/**
 * {@code danubia:reindex}: rebuilds the profile index from every mode's published profiles, e.g.
 * after a restore of the database or a change of model. Blocks until done.
 */
@Command(scope = "danubia", name = "reindex",
        description = "Rebuilds the matching engine's profile index from the published profiles of every cooperation mode")
@Service
public class ReindexCommand implements Action {

    @Reference
    private MatchingAdmin admin;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        // the session's console, not System.out: the engine may report progress from its own threads,
        // which Karaf does not redirect to this session
        PrintStream out = session.getConsole();
        Terminal terminal = session.getTerminal();
        Display display = new Display(out, terminal != null && terminal.isAnsiSupported());
        MatchingAdmin.Reindexed result = admin.reindex(display::update);
        display.finish();
        out.println(done(result));
        out.flush();
        return null;
    }

    static String done(MatchingAdmin.Reindexed result) {
        return String.format(Locale.ROOT, "Indexed %d profiles in %.1f s", result.indexed(), result.millis() / 1000.0);
    }

    /**
     * On a terminal one line rewritten in place; otherwise (a script, a log) one line per tenth, so
     * the output stays short and readable.
     */
    static final class Display {

        private static final int BAR = 30;

        private final PrintStream out;
        private final boolean tty;
        private int lastTenth = -1;
        private boolean drawn;

        Display(PrintStream out, boolean tty) {
            this.out = out;
            this.tty = tty;
        }

        synchronized void update(int done, int total) {
            int percent = total <= 0 ? 100 : (int) Math.min(100, 100L * done / total);
            if (tty) {
                int filled = percent * BAR / 100;
                out.print("\rReindexing [" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] "
                        + String.format(Locale.ROOT, "%3d %% (%d/%d)", percent, done, total));
                drawn = true;
                out.flush();
            } else if (percent / 10 > lastTenth) {
                lastTenth = percent / 10;
                out.println(String.format(Locale.ROOT, "Reindexing: %d %% (%d/%d)", percent, done, total));
            }
        }

        synchronized void finish() {
            if (drawn) {
                out.println();
            }
        }
    }
}
