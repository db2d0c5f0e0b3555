package eu.danubia.connector.sdk.internal.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import eu.danubia.api.ingest.Connector;
import eu.danubia.connector.sdk.ImportableConnector;

/** The connectors registered as {@link Connector} services, looked up fresh on every command. */
final class Connectors {

    private Connectors() {
    }

    /** Applies {@code work} to the connector with this id while holding its service; null if there is none. */
    static <T> T with(BundleContext context, String id, Function<Connector, T> work) throws InvalidSyntaxException {
        for (ServiceReference<Connector> ref : context.getServiceReferences(Connector.class, null)) {
            Connector connector = context.getService(ref);
            if (connector == null) {
                continue;
            }
            try {
                if (id.equals(connector.id())) {
                    return work.apply(connector);
                }
            } finally {
                context.ungetService(ref);
            }
        }
        return null;
    }

    /** Applies {@code work} to every connector an operator can import with. */
    static void eachImportable(BundleContext context, java.util.function.Consumer<ImportableConnector> work)
            throws InvalidSyntaxException {
        for (ServiceReference<Connector> ref : context.getServiceReferences(Connector.class, null)) {
            Connector connector = context.getService(ref);
            if (connector == null) {
                continue;
            }
            try {
                if (connector instanceof ImportableConnector importable) {
                    work.accept(importable);
                }
            } finally {
                context.ungetService(ref);
            }
        }
    }

    static List<String> ids(BundleContext context) throws InvalidSyntaxException {
        List<String> ids = new ArrayList<>();
        for (ServiceReference<Connector> ref : context.getServiceReferences(Connector.class, null)) {
            Connector connector = context.getService(ref);
            if (connector != null) {
                try {
                    ids.add(connector.id());
                } finally {
                    context.ungetService(ref);
                }
            }
        }
        ids.sort(null);
        return ids;
    }
}
