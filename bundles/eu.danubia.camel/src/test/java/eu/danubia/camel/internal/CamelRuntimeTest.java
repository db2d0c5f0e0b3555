package eu.danubia.camel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** Drives the DS component by hand, the way SCR would: constructor, bind, unbind, deactivate. */
class CamelRuntimeTest {

    /** Records registerService calls; the registration's unregister() flips a flag. */
    private static final class FakeBundleContext {
        final List<Object> services = new ArrayList<>();
        final List<Dictionary<?, ?>> properties = new ArrayList<>();
        boolean unregistered;

        BundleContext proxy() {
            ServiceRegistration<?> registration = (ServiceRegistration<?>) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> {
                        if (m.getName().equals("unregister")) {
                            unregistered = true;
                        }
                        return null;
                    });
            return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {BundleContext.class}, (p, m, a) -> {
                        if (m.getName().equals("registerService")) {
                            services.add(a[1]);
                            properties.add((Dictionary<?, ?>) a[2]);
                            return registration;
                        }
                        throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    private static CamelRuntimeConfig config(boolean smokeRoute) {
        return (CamelRuntimeConfig) Proxy.newProxyInstance(CamelRuntimeConfig.class.getClassLoader(),
                new Class<?>[] {CamelRuntimeConfig.class}, (p, m, a) -> switch (m.getName()) {
                    case "smokeRoute" -> smokeRoute;
                    case "annotationType" -> CamelRuntimeConfig.class;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static RouteBuilder connector(String routeId) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + routeId).routeId(routeId).setBody(constant(routeId));
            }
        };
    }

    @Test
    void registersStartedContextRunsSmokeRouteAndHotDeploysConnectorRoutes() throws Exception {
        FakeBundleContext bundleContext = new FakeBundleContext();
        CamelRuntime runtime = new CamelRuntime(bundleContext.proxy(), config(true));

        assertThat(bundleContext.services).hasSize(1);
        CamelContext context = (CamelContext) bundleContext.services.get(0);
        assertThat(context.getName()).isEqualTo("danubia");
        assertThat(context.getStatus()).isEqualTo(ServiceStatus.Started);
        assertThat(bundleContext.properties.get(0).get(CamelRuntime.CONTEXT_NAME_PROPERTY)).isEqualTo("danubia");
        assertThat(context.getRoute(SmokeRouteBuilder.ROUTE_ID)).isNotNull();

        SmokeResult smoke = context.getRegistry().lookupByNameAndType(SmokeResult.REGISTRY_NAME, SmokeResult.class);
        assertThat(smoke.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(smoke.summary()).isEqualTo("Camel smoke route: 3 CSV rows, JSON ok");

        RouteBuilder first = connector("conn-x-in");
        RouteBuilder second = connector("conn-y-in");
        runtime.addRoutesBuilder(first, Map.of("component.name", "conn-x", "service.id", 10L));
        runtime.addRoutesBuilder(second, Map.of("component.name", "conn-y", "service.id", 11L));
        assertThat(context.createProducerTemplate().requestBody("direct:conn-x-in", "", String.class))
                .isEqualTo("conn-x-in");

        runtime.removeRoutesBuilder(first, Map.of("component.name", "conn-x", "service.id", 10L));
        assertThat(context.getRoute("conn-x-in")).isNull();
        assertThat(context.getRoute("conn-y-in")).isNotNull();
        assertThat(context.getRoute(SmokeRouteBuilder.ROUTE_ID)).isNotNull();

        runtime.deactivate();
        assertThat(bundleContext.unregistered).isTrue();
        assertThat(context.getStatus()).isEqualTo(ServiceStatus.Stopped);
        // SCR unbinds dynamic references after deactivate: must not fail on a stopped context
        runtime.removeRoutesBuilder(second, Map.of("service.id", 11L));
    }

    @Test
    void smokeRouteCanBeSwitchedOff() {
        FakeBundleContext bundleContext = new FakeBundleContext();
        CamelRuntime runtime = new CamelRuntime(bundleContext.proxy(), config(false));
        CamelContext context = (CamelContext) bundleContext.services.get(0);
        assertThat(context.getRoutes()).isEmpty();
        runtime.deactivate();
    }
}
