package eu.danubia.connector.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLException;


/**
 * Fetches one document with the JDK HTTP client and hands its body over as a stream.
 *
 * <p>Not camel-http: the URL is decided here from the connector's settings and nothing else, while camel-http
 * takes its target from {@code CamelHttpUri}/{@code CamelHttpPath} headers and copies message headers into the
 * request. Failures are sorted for the route's redelivery: 5xx, timeouts and broken connections are
 * {@link SourceException.Transient}; 4xx and TLS failures are {@link SourceException.Permanent}.
 */
final class HttpSource {

    /** Enough of an error page for the dead letter, which keeps at most 2,000 characters anyway. */
    private static final int ERROR_BODY_BYTES = 2000;

    private final HttpClient client;
    private final Duration requestTimeout;

    HttpSource(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.requestTimeout = requestTimeout;
    }

    Document fetch(URI url, Map<String, String> headers) throws SourceException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET();
        headers.forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new SourceException.Transient("timeout calling " + url + ": " + e.getMessage(), null, e);
        } catch (ConnectException e) {
            throw new SourceException.Transient("cannot connect to " + url + ": " + Texts.describe(e), null, e);
        } catch (SSLException e) {
            throw new SourceException.Permanent("TLS failure calling " + url + ": " + e.getMessage(), null, e);
        } catch (IOException e) {
            throw new SourceException.Transient("calling " + url + " failed: " + Texts.describe(e), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException.Permanent("interrupted while calling " + url, null, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            InputStream body = response.body();
            return new Document() {
                @Override
                public InputStream open() {
                    return body;
                }

                @Override
                public long size() {
                    return length;
                }
            };
        }
        String snippet = errorBody(response.body());
        String message = "HTTP " + status + " from " + url;
        if (status >= 500) {
            throw new SourceException.Transient(message, snippet, null);
        }
        throw new SourceException.Permanent(message, snippet, null);
    }

    private static String errorBody(InputStream body) {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(ERROR_BODY_BYTES);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
