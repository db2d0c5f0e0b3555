package eu.danubia.camel.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the smoke route found. Bound in the CamelContext registry under {@link #REGISTRY_NAME}; its summary is also
 * put in the context's global options under {@link #GLOBAL_OPTION} so that any bundle holding the CamelContext
 * service can read it without seeing this (private) class.
 */
public final class SmokeResult {

    public static final String REGISTRY_NAME = "danubiaSmokeResult";
    public static final String GLOBAL_OPTION = "danubia.smoke.result";

    private final CountDownLatch done = new CountDownLatch(1);
    private volatile List<List<String>> csvRows = List.of();
    private volatile Map<String, Object> json = Map.of();

    void record(List<List<String>> rows, Map<String, Object> document) {
        this.csvRows = List.copyOf(rows);
        this.json = Map.copyOf(document);
        done.countDown();
    }

    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    public boolean isDone() {
        return done.getCount() == 0;
    }

    public List<List<String>> csvRows() {
        return csvRows;
    }

    public Map<String, Object> json() {
        return json;
    }

    public boolean jsonOk() {
        return "DanubIA".equals(json.get("platform"));
    }

    public String summary() {
        return "Camel smoke route: " + csvRows.size() + " CSV rows, JSON " + (jsonOk() ? "ok" : "NOT ok");
    }

    @Override
    public String toString() {
        return isDone() ? summary() : "Camel smoke route: not run yet";
    }
}
