package eu.danubia.connector.sdk.json;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import eu.danubia.connector.sdk.ConnectorSettings;

/**
 * The small JSON requests that decide what to pull (a search, pages of ids), made before the pull itself, e.g. in
 * {@link eu.danubia.connector.sdk.ConnectorRoutes#pullPaths()}. The documents that hold records go through the
 * SDK's routes; these answers only name them.
 *
 * <p>Requests go to paths below the connector's base URL ({@link ConnectorSettings#resolve(String)}, which refuses
 * a path that would leave it), with its connect and request timeouts, and never follow a redirect, which could
 * lead away from the base URL. There is no redelivery: a failure fails the pull that asked.
 */
public final class JsonHttp {

    private final HttpClient client;
    private final ConnectorSettings settings;
    private final Map<String, String> headers;
    private final int maxAnswerBytes;

    /**
     * @param headers        sent with every request, e.g. the connector's
     *                       {@link eu.danubia.connector.sdk.ConnectorRoutes#requestHeaders()}
     * @param maxAnswerBytes a longer answer fails the request rather than filling the memory
     */
    public JsonHttp(ConnectorSettings settings, Map<String, String> headers, int maxAnswerBytes) {
        if (maxAnswerBytes < 1 || maxAnswerBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxAnswerBytes must be between 1 and " + (Integer.MAX_VALUE - 1));
        }
        this.settings = settings;
        this.headers = Map.copyOf(headers);
        this.maxAnswerBytes = maxAnswerBytes;
        // never follow a redirect: it could lead away from the configured base URL
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * {@code GET path}.
     *
     * @throws IOException when the request fails, the answer is not 2xx (the message holds the status and the
     *                     start of the body), is longer than the limit, or is not JSON
     */
    public JsonNode get(String path) throws IOException {
        URI url = settings.resolve(path);
        return send(url, HttpRequest.newBuilder(url).timeout(settings.requestTimeout()).GET());
    }

    /**
     * {@code POST path} with {@code body} as {@code application/json}.
     *
     * @throws IOException as {@link #get(String)}
     */
    public JsonNode post(String path, JsonNode body) throws IOException {
        URI url = settings.resolve(path);
        return send(url, HttpRequest.newBuilder(url).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonInput.MAPPER.writeValueAsString(body), StandardCharsets.UTF_8)));
    }

    private JsonNode send(URI url, HttpRequest.Builder request) throws IOException {
        headers.forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + url, e);
        }
        try (InputStream in = response.body()) {
            byte[] answer = in.readNBytes(maxAnswerBytes + 1);
            if (response.statusCode() < 200 || response.statusCode() >= 300) {
                String text = new String(answer, 0, Math.min(answer.length, 500), StandardCharsets.UTF_8);
                throw new IOException("HTTP " + response.statusCode() + " from " + url + (text.isBlank() ? "" : ": " + text));
            }
            if (answer.length > maxAnswerBytes) {
                throw new IOException("the answer of " + url + " is larger than " + maxAnswerBytes + " bytes");
            }
            return JsonInput.MAPPER.readTree(answer);
        }
    }
}
