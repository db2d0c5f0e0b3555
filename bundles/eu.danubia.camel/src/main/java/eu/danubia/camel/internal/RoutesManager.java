package eu.danubia.camel.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the routes of {@link RoutesBuilder}s to one CamelContext and remembers which routes each builder added, so
 * that removing a builder (hot undeploy of a connector bundle) stops and removes exactly its routes.
 *
 * <p>Route ids must be unique in the context. Camel itself would silently <em>replace</em> an existing route that
 * has the same id; this class instead rejects the whole builder (logs an error, adds nothing, keeps every other
 * route running). Clashes are detected twice:
 * <ol>
 * <li>before anything is added, for {@link RouteBuilder}s (their definitions are known after configure());</li>
 * <li>by a route filter installed on the context model, for any other {@link RoutesBuilder} and for routes that
 * some bundle adds directly through the CamelContext service: a clashing definition is never added.</li>
 * </ol>
 * Not thread-safe by itself for concurrent add/remove of the same builder: all public methods are synchronized.
 */
public final class RoutesManager {

    private static final Logger LOG = LoggerFactory.getLogger(RoutesManager.class);

    private final ModelCamelContext context;
    private final Map<RoutesBuilder, Set<String>> owned = new IdentityHashMap<>();
    /** Route ids rejected by the route filter while the current thread adds a builder. */
    private final ThreadLocal<List<String>> rejectedByFilter = new ThreadLocal<>();

    public RoutesManager(ModelCamelContext context) {
        this.context = context;
        context.setRouteFilter(this::acceptRoute);
    }

    /**
     * Adds the routes of {@code builder}.
     *
     * @param origin who offers the builder (bundle / component name), for log messages only
     * @return the ids of the routes added, or an empty set if the builder was rejected
     */
    public synchronized Set<String> add(RoutesBuilder builder, String origin) {
        if (owned.containsKey(builder)) {
            LOG.warn("Routes of {} are already in CamelContext {}: ignored", origin, context.getName());
            return Collections.emptySet();
        }
        Set<String> before = routeIds();
        if (builder instanceof RouteBuilder routeBuilder) {
            List<String> clashes;
            try {
                clashes = clashes(routeBuilder, before);
            } catch (Exception e) {
                LOG.error("Routes of {} rejected: configure() failed", origin, e);
                return Collections.emptySet();
            }
            if (!clashes.isEmpty()) {
                LOG.error("Routes of {} rejected: route id(s) {} already used in CamelContext {} (route ids must be"
                        + " unique; prefix them with the connector id)", origin, clashes, context.getName());
                return Collections.emptySet();
            }
        }

        List<String> rejected = new ArrayList<>();
        rejectedByFilter.set(rejected);
        Exception failure = null;
        try {
            context.addRoutes(builder);
        } catch (Exception e) {
            failure = e;
        } finally {
            rejectedByFilter.remove();
        }
        Set<String> added = routeIds();
        added.removeAll(before);

        if (failure != null || !rejected.isEmpty()) {
            removeQuietly(added);
            if (failure != null) {
                LOG.error("Routes of {} rejected: adding them to CamelContext {} failed", origin, context.getName(),
                        failure);
            } else {
                LOG.error("Routes of {} rejected: route id(s) {} already used in CamelContext {}", origin, rejected,
                        context.getName());
            }
            return Collections.emptySet();
        }
        owned.put(builder, Collections.unmodifiableSet(added));
        LOG.info("Added route(s) {} of {} to CamelContext {}", added, origin, context.getName());
        return added;
    }

    /**
     * Stops and removes exactly the routes that {@code builder} added; unknown builders are ignored.
     *
     * @return the ids of the routes removed
     */
    public synchronized Set<String> remove(RoutesBuilder builder, String origin) {
        Set<String> ids = owned.remove(builder);
        if (ids == null) {
            return Collections.emptySet();
        }
        removeQuietly(ids);
        LOG.info("Removed route(s) {} of {} from CamelContext {}", ids, origin, context.getName());
        return ids;
    }

    /** Ids of the routes added by {@code builder} (empty if it is unknown or was rejected). */
    public synchronized Set<String> routeIdsOf(RoutesBuilder builder) {
        Set<String> ids = owned.get(builder);
        return ids == null ? Collections.emptySet() : ids;
    }

    /** Forgets every builder without touching the context (used when the context itself is being stopped). */
    public synchronized void clear() {
        owned.clear();
    }

    private Boolean acceptRoute(RouteDefinition definition) {
        String id = definition.getRouteId();
        if (id == null || !routeExists(id)) {
            return Boolean.TRUE;
        }
        List<String> rejected = rejectedByFilter.get();
        if (rejected != null) {
            rejected.add(id);
        } else {
            LOG.error("Route {} not added to CamelContext {}: a route with this id already exists", id,
                    context.getName());
        }
        return Boolean.FALSE;
    }

    private boolean routeExists(String id) {
        if (context.getRoute(id) != null) {
            return true;
        }
        for (RouteDefinition definition : context.getRouteDefinitions()) {
            if (id.equals(definition.getRouteId())) {
                return true;
            }
        }
        return false;
    }

    private List<String> clashes(RouteBuilder builder, Set<String> existing) throws Exception {
        List<String> clashes = new ArrayList<>();
        Set<String> declared = new LinkedHashSet<>();
        for (RouteDefinition definition : builder.configureRoutes(context).getRoutes()) {
            String id = definition.getRouteId();
            if (id != null && (!declared.add(id) || existing.contains(id))) {
                clashes.add(id);
            }
        }
        return clashes;
    }

    private Set<String> routeIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Route route : context.getRoutes()) {
            ids.add(route.getRouteId());
        }
        for (RouteDefinition definition : context.getRouteDefinitions()) {
            if (definition.getRouteId() != null) {
                ids.add(definition.getRouteId());
            }
        }
        return ids;
    }

    private void removeQuietly(Set<String> ids) {
        for (String id : ids) {
            try {
                context.getRouteController().stopRoute(id);
                if (!context.removeRoute(id)) {
                    RouteDefinition definition = context.getRouteDefinition(id);
                    if (definition != null) {
                        context.removeRouteDefinition(definition);
                    }
                }
            } catch (Exception e) {
                LOG.error("Could not remove route {} from CamelContext {}", id, context.getName(), e);
            }
        }
    }
}
