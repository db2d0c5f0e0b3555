package eu.danubia.connector.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why the sanitiser exists: a Camel file producer writes to whatever {@code CamelFileName} says. The same
 * hostile message is sent through a route without and with the sanitiser.
 */
class HeaderSanitizerTest {

    @TempDir
    Path temp;

    private final DefaultCamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void anInboundCamelFileNameSteersAnUnsanitisedRouteButNotASanitisedOne() throws Exception {
        Path out = Files.createDirectories(temp.resolve("out"));
        HeaderSanitizer sanitizer = new HeaderSanitizer(Set.of("X-Request-Id"));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:raw").routeId("raw").to("file:" + out);
                from("direct:clean").routeId("clean").process(sanitizer).to("file:" + out);
            }
        });
        camel.start();
        Map<String, Object> hostile = Map.of("CamelFileName", "hijacked.txt", "X-Request-Id", "42",
                "Authorization", "Bearer stolen");

        camel.createProducerTemplate().sendBodyAndHeaders("direct:raw", "data", hostile);
        assertThat(out.resolve("hijacked.txt")).as("the header renamed the unsanitised file").exists();
        Files.delete(out.resolve("hijacked.txt"));

        var done = camel.createFluentProducerTemplate().to("direct:clean").withBody("data")
                .withHeaders(Map.of("camelfilename", "hijacked.txt",
                        "X-Request-Id", "42", "Authorization", "Bearer stolen"))
                .send();
        try (var files = Files.list(out)) {
            // without a CamelFileName the producer names the file after the message id
            assertThat(files.map(p -> p.getFileName().toString())).singleElement().isNotEqualTo("hijacked.txt");
        }
        assertThat(done.getIn().getHeader("X-Request-Id")).as("allowed header").isEqualTo("42");
        assertThat(done.getIn().getHeader("x-request-id")).as("allowed header, any case").isEqualTo("42");
        assertThat(done.getIn().getHeader("Authorization")).as("not allowed").isNull();
    }

    @Test
    void aCamelHeaderCannotBeAllowed() {
        assertThatThrownBy(() -> new HeaderSanitizer(Set.of("CamelHttpUri"))).hasMessageContaining("cannot be allowed");
    }
}
