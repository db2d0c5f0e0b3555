package eu.danubia.camel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutesManagerTest {

    private DefaultCamelContext context;
    private RoutesManager manager;
    private ProducerTemplate producer;

    @BeforeEach
    void start() {
        context = CamelContextFactory.create(getClass().getClassLoader());
        context.start();
        manager = new RoutesManager(context);
        producer = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    /** A connector-like builder: one direct: route per id, answering "<owner>:<id>". */
    private static RouteBuilder builder(String owner, String... routeIds) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (String id : routeIds) {
                    from("direct:" + id).routeId(id).setBody(constant(owner + ":" + id));
                }
            }
        };
    }

    private Set<String> routeIds() {
        return Set.copyOf(context.getRoutes().stream().map(r -> r.getRouteId()).toList());
    }

    private Set<String> definitionIds() {
        return Set.copyOf(context.getRouteDefinitions().stream().map(d -> d.getRouteId()).toList());
    }

    @Test
    void addThenRemoveAddsThenRemovesExactlyItsRoutes() {
        RouteBuilder a = builder("A", "conn-a-1", "conn-a-2");
        RouteBuilder b = builder("B", "conn-b-1");

        assertThat(manager.add(a, "A")).containsExactlyInAnyOrder("conn-a-1", "conn-a-2");
        assertThat(manager.add(b, "B")).containsExactly("conn-b-1");
        assertThat(routeIds()).containsExactlyInAnyOrder("conn-a-1", "conn-a-2", "conn-b-1");
        assertThat(context.getRouteController().getRouteStatus("conn-a-2")).isEqualTo(ServiceStatus.Started);
        assertThat(producer.requestBody("direct:conn-a-1", "x", String.class)).isEqualTo("A:conn-a-1");

        assertThat(manager.remove(a, "A")).containsExactlyInAnyOrder("conn-a-1", "conn-a-2");

        assertThat(routeIds()).containsExactly("conn-b-1");
        assertThat(definitionIds()).containsExactly("conn-b-1");
        assertThat(manager.routeIdsOf(a)).isEmpty();
        assertThat(context.getRouteController().getRouteStatus("conn-b-1")).isEqualTo(ServiceStatus.Started);
        assertThat(producer.requestBody("direct:conn-b-1", "x", String.class)).isEqualTo("B:conn-b-1");

        // removing twice is harmless
        assertThat(manager.remove(a, "A")).isEmpty();
        assertThat(routeIds()).containsExactly("conn-b-1");
    }

    @Test
    void routesWithoutExplicitIdsAreTrackedToo() {
        RouteBuilder anonymous = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:anon").setBody(constant("anon"));
            }
        };
        manager.add(builder("B", "conn-b-1"), "B");
        Set<String> added = manager.add(anonymous, "anon");
        assertThat(added).hasSize(1).doesNotContain("conn-b-1");

        manager.remove(anonymous, "anon");
        assertThat(routeIds()).containsExactly("conn-b-1");
    }

    @Test
    void clashingRouteIdIsRejectedWithoutTouchingOtherRoutes() {
        manager.add(builder("A", "conn-a-1"), "A");
        manager.add(builder("B", "conn-b-1"), "B");

        RouteBuilder clash = builder("C", "conn-c-1", "conn-a-1");
        assertThat(manager.add(clash, "C")).isEmpty();

        assertThat(routeIds()).containsExactlyInAnyOrder("conn-a-1", "conn-b-1");
        assertThat(manager.routeIdsOf(clash)).isEmpty();
        // the original route is still the running one (Camel alone would have replaced it)
        assertThat(context.getRouteController().getRouteStatus("conn-a-1")).isEqualTo(ServiceStatus.Started);
        assertThat(producer.requestBody("direct:conn-a-1", "x", String.class)).isEqualTo("A:conn-a-1");
        assertThat(producer.requestBody("direct:conn-b-1", "x", String.class)).isEqualTo("B:conn-b-1");
        // and removing the rejected builder removes nothing
        assertThat(manager.remove(clash, "C")).isEmpty();
        assertThat(routeIds()).containsExactlyInAnyOrder("conn-a-1", "conn-b-1");
    }

    @Test
    void duplicateIdInsideOneBuilderIsRejected() {
        manager.add(builder("B", "conn-b-1"), "B");
        assertThat(manager.add(builder("D", "conn-d-1", "conn-d-1"), "D")).isEmpty();
        assertThat(routeIds()).containsExactly("conn-b-1");
    }

    @Test
    void clashFromAPlainRoutesBuilderIsCaughtByTheRouteFilter() {
        manager.add(builder("A", "conn-a-1"), "A");
        RouteBuilder inner = builder("E", "conn-e-1", "conn-a-1");
        RoutesBuilder plain = new RoutesBuilder() {
            @Override
            public void addRoutesToCamelContext(CamelContext ctx) throws Exception {
                inner.addRoutesToCamelContext(ctx);
            }

            @Override
            public void addTemplatedRoutesToCamelContext(CamelContext ctx) {
            }

            @Override
            public Set<String> updateRoutesToCamelContext(CamelContext ctx) {
                return Set.of();
            }
        };

        assertThat(manager.add(plain, "E")).isEmpty();

        assertThat(routeIds()).containsExactly("conn-a-1");
        assertThat(producer.requestBody("direct:conn-a-1", "x", String.class)).isEqualTo("A:conn-a-1");
    }

    @Test
    void directAddThroughTheContextCannotReplaceAnExistingRoute() throws Exception {
        manager.add(builder("A", "conn-a-1"), "A");
        context.addRoutes(builder("X", "conn-a-1"));
        assertThat(producer.requestBody("direct:conn-a-1", "x", String.class)).isEqualTo("A:conn-a-1");
    }

    @Test
    void failingBuilderLeavesNothingBehind() {
        manager.add(builder("A", "conn-a-1"), "A");
        RouteBuilder broken = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:conn-f-1").routeId("conn-f-1").to("log:ok");
                from("no-such-component:x").routeId("conn-f-2").to("log:ok");
            }
        };
        assertThat(manager.add(broken, "F")).isEmpty();
        assertThat(routeIds()).containsExactly("conn-a-1");
        assertThat(definitionIds()).containsExactly("conn-a-1");
    }
}
