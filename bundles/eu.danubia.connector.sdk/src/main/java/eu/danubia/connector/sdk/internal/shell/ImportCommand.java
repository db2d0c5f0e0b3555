package eu.danubia.connector.sdk.internal.shell;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.Terminal;
import org.osgi.framework.BundleContext;

import eu.danubia.api.ingest.Connector;
import eu.danubia.api.ingest.ImportRun;
import eu.danubia.connector.sdk.ImportableConnector;

/** {@code danubia:import <connector> [file|url]}: one import now, with a progress bar and the final counts. */
@Command(scope = "danubia", name = "import",
        description = "Runs one import of a connector now: its configured HTTP pull, or the given file or URL")
@Service
public class ImportCommand implements Action {

    @Reference
    BundleContext context;

    @Reference(optional = true)
    Session session;

    @Argument(index = 0, name = "connector", required = true, description = "The connector id, e.g. cz-ares")
    @Completion(ConnectorCompleter.class)
    String connector;

    @Argument(index = 1, name = "source", required = false,
            description = "A file path or an http(s) URL; without it, the connector's configured pull")
    String source;

    @Override
    public Object execute() throws Exception {
        PrintStream out = System.out;
        String src = resolve(source);
        List<ImportRun> runs = Connectors.with(context, connector, c -> run(c, src, out));
        if (runs == null) {
            List<String> known = Connectors.ids(context);
            out.println("No connector '" + connector + "'. Installed: " + (known.isEmpty() ? "none" : String.join(", ", known)));
        }
        return null;
    }

    private List<ImportRun> run(Connector c, String src, PrintStream out) {
        if (!(c instanceof ImportableConnector importable)) {
            out.println("Connector " + c.id() + " cannot be run by hand (it is not built on the connector SDK)");
            return List.of();
        }
        ProgressPrinter printer = new ProgressPrinter(out, tty(), width());
        List<ImportRun> runs;
        try {
            runs = importable.importNow(src, printer);
        } catch (IllegalArgumentException | IllegalStateException e) {
            printer.end();
            out.println(e.getMessage());
            return List.of();
        }
        printer.end();
        for (ImportRun run : runs) {
            out.println(ProgressPrinter.summary(run));
        }
        return runs;
    }

    /** A relative file path is relative to the shell's current directory, as in any other command. */
    private String resolve(String src) {
        if (src == null || src.isBlank()) {
            return null;
        }
        String lower = src.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return src;
        }
        Path path = Path.of(src);
        if (!path.isAbsolute() && session != null && session.currentDir() != null) {
            path = session.currentDir().resolve(path);
        }
        return path.toAbsolutePath().normalize().toString();
    }

    private boolean tty() {
        Terminal terminal = session == null ? null : session.getTerminal();
        return terminal != null && terminal.getWidth() > 0 && terminal.getType() != null
                && !"dumb".equalsIgnoreCase(terminal.getType());
    }

    private int width() {
        Terminal terminal = session == null ? null : session.getTerminal();
        return terminal == null || terminal.getWidth() <= 0 ? 80 : terminal.getWidth();
    }
}
