package eu.danubia.connector.sdk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server for connector tests: serves fixture files by path on 127.0.0.1 and a free port, so a
 * connector's pull runs over real HTTP without the internet. It can answer the first requests with an error
 * ({@link #failFirst}) or late ({@link #delayFirst}) to test redelivery, and remembers every request it saw.
 *
 * <pre>{@code
 * try (FixtureServer server = FixtureServer.start()) {
 *     server.serve("/ekonomicke-subjekty/26168685", Path.of("fixtures/ekonomicke-subjekty-26168685.json"));
 *     ConnectorSettings settings = ConnectorSettings.builder().baseUrl(server.baseUrl()).build();
 *     ...
 * }
 * }</pre>
 */
public final class FixtureServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Request(String method, String pathAndQuery, Map<String, List<String>> headers) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Path> files = new ConcurrentHashMap<>();
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;
    private final AtomicInteger delaysLeft = new AtomicInteger();
    private volatile long delayMillis;

    private FixtureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "fixture-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FixtureServer start() {
        try {
            return new FixtureServer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fixture server", e);
        }
    }

    /** Serves {@code file} at {@code path} (starting with {@code /}; a query, if any, must match too). */
    public FixtureServer serve(String path, Path file) {
        files.put(check(path), file);
        return this;
    }

    public FixtureServer serve(String path, byte[] body) {
        bodies.put(check(path), body.clone());
        return this;
    }

    public FixtureServer serve(String path, String body) {
        return serve(path, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The next {@code n} requests, whatever their path, are answered with HTTP {@code status}. */
    public FixtureServer failFirst(int n, int status) {
        failureStatus = status;
        failuresLeft.set(n);
        return this;
    }

    /** The next {@code n} requests are answered with 503 Service Unavailable. */
    public FixtureServer failFirst(int n) {
        return failFirst(n, 503);
    }

    /** The next {@code n} requests are answered only after {@code delay}, to test timeouts. */
    public FixtureServer delayFirst(int n, java.time.Duration delay) {
        delayMillis = delay.toMillis();
        delaysLeft.set(n);
        return this;
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + check(path));
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The paths (with query) requested so far, in order. */
    public synchronized List<String> requestedPaths() {
        return requests.stream().map(Request::pathAndQuery).toList();
    }

    public synchronized void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String key = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
            synchronized (this) {
                requests.add(new Request(exchange.getRequestMethod(), key, copy(exchange.getRequestHeaders())));
            }
            try (InputStream ignored = exchange.getRequestBody()) {
                ignored.readAllBytes();
            }
            if (delaysLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(exchange, failureStatus, ("fixture server: failing on purpose with " + failureStatus).getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, new byte[0]);
                return;
            }
            byte[] body = bodies.get(key);
            if (body != null) {
                send(exchange, 200, body);
                return;
            }
            Path file = files.get(key);
            if (file == null) {
                send(exchange, 404, ("no fixture at " + key).getBytes(StandardCharsets.UTF_8));
                return;
            }
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Map<String, List<String>> copy(Headers headers) {
        Map<String, List<String>> map = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> map.put(k, List.copyOf(v)));
        return map;
    }

    private static String check(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a fixture path starts with /: " + path);
        }
        return path;
    }
}
