package eu.danubia.shell.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import eu.danubia.api.cooperation.CooperationMode;
import eu.danubia.api.ingest.Connector;
import eu.danubia.store.Database;

/** {@code danubia:status}: what this node runs — version, database, installed modules and connectors. */
@Command(scope = "danubia", name = "status", description = "Shows the DanubIA version, database, installed modules and connectors")
@Service
public class StatusCommand implements Action {

    static final String FEATURE_PREFIX = "danubia-";

    @Reference
    private FeaturesService features;

    @Reference
    private BundleContext context;

    @Reference(optional = true)
    private Database database;

    @Override
    public Object execute() throws Exception {
        System.out.print(render());
        return null;
    }

    String render() throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("DanubIA ").append(context.getBundle().getVersion()).append('\n');
        if (database == null) {
            out.append("Database:   not available (danubia-core not started or no DataSource configured)\n");
        } else {
            out.append("Database:   ").append(database.product()).append(database.ping(2) ? " (up)" : " (DOWN)").append('\n');
        }
        List<Feature> installed = new ArrayList<>();
        for (Feature f : features.listInstalledFeatures()) {
            if (f.getName().startsWith(FEATURE_PREFIX)) {
                installed.add(f);
            }
        }
        installed.sort(Comparator.comparing(Feature::getName));
        out.append("Modules:    ").append(installed.size()).append(" installed\n");
        for (Feature f : installed) {
            out.append(String.format("  %-22s %-16s %s%n", f.getName(), f.getVersion(),
                    f.getDescription() == null ? "" : f.getDescription()));
        }
        List<String> modes = names(CooperationMode.class, m -> m.id() + " (" + m.label() + ")");
        out.append("Modes:      ").append(modes.isEmpty() ? "none installed" : String.join(", ", modes)).append('\n');
        List<String> connectors = names(Connector.class, c -> c.id() + " [" + c.country() + "]");
        out.append("Connectors: ").append(connectors.isEmpty() ? "none installed" : String.join(", ", connectors)).append('\n');
        return out.toString();
    }

    private <S> List<String> names(Class<S> type, java.util.function.Function<S, String> describe) throws Exception {
        List<String> names = new ArrayList<>();
        for (ServiceReference<S> ref : context.getServiceReferences(type, null)) {
            S service = context.getService(ref);
            if (service != null) {
                try {
                    names.add(describe.apply(service));
                } finally {
                    context.ungetService(ref);
                }
            }
        }
        names.sort(null);
        return names;
    }
}
