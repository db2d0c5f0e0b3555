package eu.danubia.camel.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.CsvDataFormat;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.camel.support.ResourceHelper;

/**
 * One-shot route {@value #ROUTE_ID}: proves that the timer, bean, CSV, Jackson and log components load inside OSGi
 * (and that Camel finds resources of this bundle through the application context class loader).
 */
public final class SmokeRouteBuilder extends RouteBuilder {

    public static final String ROUTE_ID = "danubia-smoke";
    static final String CSV = "classpath:eu/danubia/camel/smoke/nuts.csv";
    static final String JSON = "classpath:eu/danubia/camel/smoke/platform.json";

    private final SmokeResult result;

    public SmokeRouteBuilder(SmokeResult result) {
        this.result = result;
    }

    public SmokeResult result() {
        return result;
    }

    @Override
    public void configure() {
        getContext().getRegistry().bind(SmokeResult.REGISTRY_NAME, result);

        from("timer:danubia-smoke?repeatCount=1").routeId(ROUTE_ID)
                .process(e -> e.getMessage().setBody(read(e, CSV)))
                // the model data format: Camel resolves the "csv" data format through its factory finder
                .unmarshal(new CsvDataFormat(";"))
                .setProperty("csvRows", body())
                .process(e -> e.getMessage().setBody(read(e, JSON)))
                .unmarshal().json(JsonLibrary.Jackson, Map.class)
                .process(this::record)
                .to("log:eu.danubia.camel.smoke?showExchangePattern=false&showBodyType=false");
    }

    @SuppressWarnings("unchecked")
    private void record(Exchange exchange) throws Exception {
        List<List<String>> rows = exchange.getProperty("csvRows", List.class);
        Map<String, Object> json = exchange.getMessage().getMandatoryBody(Map.class);
        result.record(rows, json);
        exchange.getContext().getGlobalOptions().put(SmokeResult.GLOBAL_OPTION, result.summary());
        exchange.getMessage().setBody(result.summary());
    }

    private static byte[] read(Exchange exchange, String uri) throws Exception {
        try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(exchange.getContext(), uri)) {
            return in.readAllBytes();
        }
    }
}
