package eu.danubia.connector.sdk.internal.shell;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;

import eu.danubia.api.ingest.ImportRun;
import eu.danubia.api.ingest.IngestService;
import eu.danubia.connector.sdk.ImportProgress;

/** {@code danubia:imports [--limit n]}: the latest import runs, newest first, running ones with live counts. */
@Command(scope = "danubia", name = "imports", description = "Lists the latest import runs, newest first")
@Service
public class ImportsCommand implements Action {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Reference
    private IngestService ingest;

    @Reference
    private BundleContext context;

    @Option(name = "--limit", aliases = "-n", description = "How many runs to show (default 20)")
    int limit = 20;

    @Override
    public Object execute() throws Exception {
        Map<UUID, ImportProgress> live = new HashMap<>();
        Connectors.eachImportable(context, c -> c.activeImports().forEach(p -> live.put(p.run(), p)));
        System.out.print(render(ingest.runs(Math.max(1, limit)), live, ZoneId.systemDefault()));
        return null;
    }

    static String render(List<ImportRun> runs, Map<UUID, ImportProgress> live, ZoneId zone) {
        if (runs.isEmpty()) {
            return "No imports yet.\n";
        }
        StringBuilder out = new StringBuilder();
        String format = "%-19s  %-14s  %-7s  %9s  %9s  %9s  %9s  %s%n";
        out.append(String.format(Locale.ROOT, format, "STARTED", "CONNECTOR", "STATE", "READ", "STORED", "UNCHANGED", "REJECTED", "SOURCE"));
        for (ImportRun run : runs) {
            ImportProgress p = "RUNNING".equals(run.state()) ? live.get(run.id()) : null;
            long read = p == null ? run.read() : p.read();
            long stored = p == null ? run.stored() : p.stored();
            long unchanged = p == null ? run.unchanged() : p.unchanged();
            long rejected = p == null ? run.rejected() : p.rejected();
            String state = p != null && p.percent() >= 0 ? "RUN " + p.percent() + "%" : run.state();
            out.append(String.format(Locale.ROOT, format, TIME.format(run.startedAt().atZone(zone)), run.connector(), state,
                    number(read), number(stored), number(unchanged), number(rejected), run.source()));
            if (run.error() != null) {
                out.append("    error: ").append(run.error()).append('\n');
            }
        }
        return out.toString();
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
