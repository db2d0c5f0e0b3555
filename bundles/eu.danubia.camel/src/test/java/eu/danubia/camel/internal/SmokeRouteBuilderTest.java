package eu.danubia.camel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmokeRouteBuilderTest {

    private DefaultCamelContext context;

    @BeforeEach
    void start() {
        context = CamelContextFactory.create(SmokeRouteBuilder.class.getClassLoader());
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void smokeRouteParsesCsvAndJson() throws Exception {
        SmokeResult result = new SmokeResult();
        assertThat(new RoutesManager(context).add(new SmokeRouteBuilder(result), "test"))
                .containsExactly(SmokeRouteBuilder.ROUTE_ID);

        assertThat(result.await(20, TimeUnit.SECONDS)).as("smoke route ran").isTrue();

        assertThat(result.csvRows()).containsExactly(
                List.of("RO11", "Nord-Vest"), List.of("RO12", "Centru"), List.of("AT13", "Wien"));
        assertThat(result.json()).containsEntry("platform", "DanubIA");
        assertThat(result.json().get("countries")).asList().contains("RO", "AT");
        assertThat(result.jsonOk()).isTrue();
        assertThat(result.summary()).isEqualTo("Camel smoke route: 3 CSV rows, JSON ok");
        assertThat(context.getGlobalOptions()).containsEntry(SmokeResult.GLOBAL_OPTION, result.summary());
        assertThat(context.getRegistry().lookupByNameAndType(SmokeResult.REGISTRY_NAME, SmokeResult.class))
                .isSameAs(result);
    }

    @Test
    void contextIsNamedDanubiaAndUsesTheGivenClassLoader() {
        assertThat(context.getName()).isEqualTo("danubia");
        assertThat(context.getApplicationContextClassLoader()).isSameAs(SmokeRouteBuilder.class.getClassLoader());
    }
}
