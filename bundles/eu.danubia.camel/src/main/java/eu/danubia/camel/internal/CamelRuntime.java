package eu.danubia.camel.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one platform CamelContext {@code danubia}.
 *
 * <p>The context is created and started on activation and then registered by hand (through the BundleContext) as an
 * OSGi service of type {@link CamelContext} with property {@code camel.context.name=danubia}: registering it
 * ourselves (instead of {@code @Component(service = CamelContext.class)}) means the service only exists while the
 * context is started, and the context object is the very {@link DefaultCamelContext} we manage.
 *
 * <p>Every {@link RoutesBuilder} service (typically a connector's {@code @Component(service = RoutesBuilder.class)}
 * extending {@code RouteBuilder}) is bound dynamically: its routes are added when it appears and exactly its routes
 * are stopped and removed when it goes away. A builder whose route ids clash with existing routes is rejected (error
 * logged, other routes untouched). See {@link RoutesManager}.
 */
@Component(name = CamelRuntime.PID, configurationPid = CamelRuntime.PID, immediate = true, service = {})
@Designate(ocd = CamelRuntimeConfig.class)
public final class CamelRuntime {

    public static final String PID = "eu.danubia.camel";
    /** Service property set on the registered CamelContext. */
    public static final String CONTEXT_NAME_PROPERTY = "camel.context.name";

    private static final Logger LOG = LoggerFactory.getLogger(CamelRuntime.class);

    private final DefaultCamelContext context;
    private final RoutesManager routes;
    private final SmokeRouteBuilder smoke;
    private final ServiceRegistration<CamelContext> registration;

    @Activate
    public CamelRuntime(BundleContext bundleContext, CamelRuntimeConfig config) {
        context = CamelContextFactory.create(CamelRuntime.class.getClassLoader());
        context.start();
        routes = new RoutesManager(context);
        if (config.smokeRoute()) {
            smoke = new SmokeRouteBuilder(new SmokeResult());
            routes.add(smoke, "eu.danubia.camel (smoke route)");
        } else {
            smoke = null;
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(CONTEXT_NAME_PROPERTY, context.getName());
        properties.put(Constants.SERVICE_DESCRIPTION, "DanubIA Camel context");
        registration = bundleContext.registerService(CamelContext.class, context, properties);
        LOG.info("CamelContext {} (Camel {}) started", context.getName(), context.getVersion());
    }

    @Reference(
            service = RoutesBuilder.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            unbind = "removeRoutesBuilder")
    void addRoutesBuilder(RoutesBuilder builder, Map<String, Object> properties) {
        routes.add(builder, origin(properties));
    }

    void removeRoutesBuilder(RoutesBuilder builder, Map<String, Object> properties) {
        if (context.isStarted()) {
            routes.remove(builder, origin(properties));
        }
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // bundle stopping: the framework already unregistered it
        }
        if (smoke != null) {
            routes.remove(smoke, "eu.danubia.camel (smoke route)");
        }
        context.stop();
        routes.clear();
        LOG.info("CamelContext {} stopped", context.getName());
    }

    private static String origin(Map<String, Object> properties) {
        Object component = properties.get("component.name");
        return component != null ? component + " (service " + properties.get(Constants.SERVICE_ID) + ")"
                : "RoutesBuilder service " + properties.get(Constants.SERVICE_ID);
    }
}
