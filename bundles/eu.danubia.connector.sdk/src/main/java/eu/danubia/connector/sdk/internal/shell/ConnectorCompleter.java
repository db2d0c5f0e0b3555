package eu.danubia.connector.sdk.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;

/** Completes connector ids for {@code danubia:import}. */
@Service
public class ConnectorCompleter implements Completer {

    @Reference
    private BundleContext context;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        try {
            return new StringsCompleter(Connectors.ids(context)).complete(session, commandLine, candidates);
        } catch (InvalidSyntaxException e) {
            return -1;
        }
    }
}
