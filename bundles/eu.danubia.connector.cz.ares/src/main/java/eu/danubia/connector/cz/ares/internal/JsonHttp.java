package eu.danubia.connector.cz.ares.internal;

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
 * The small JSON requests that decide what to pull (a search), made before the pull itself. The
 * documents that hold records go through the SDK's routes; these answers only name them.
 */
final class JsonHttp {

    /** A search answer of 1000 subjects is about 1.5 MB. */
    static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;

    private final HttpClient client;
    private final ConnectorSettings settings;
    private final Map<String, String> headers;

    JsonHttp(ConnectorSettings settings, Map<String, String> headers) {
        this.settings = settings;
        this.headers = Map.copyOf(headers);
        // never follow a redirect: it could lead away from the configured base URL
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    JsonNode post(String path, JsonNode body) throws IOException {
        URI url = settings.resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonInput.MAPPER.writeValueAsString(body), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + url, e);
        }
        try (InputStream in = response.body()) {
            byte[] answer = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (response.statusCode() < 200 || response.statusCode() >= 300) {
                String text = new String(answer, 0, Math.min(answer.length, 500), StandardCharsets.UTF_8);
                throw new IOException("HTTP " + response.statusCode() + " from " + url + (text.isBlank() ? "" : ": " + text));
            }
            if (answer.length > MAX_ANSWER_BYTES) {
                throw new IOException("the answer of " + url + " is larger than " + MAX_ANSWER_BYTES + " bytes");
            }
            return JsonInput.MAPPER.readTree(answer);
        }
    }
}
