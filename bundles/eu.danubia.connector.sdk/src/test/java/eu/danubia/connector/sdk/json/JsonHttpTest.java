package eu.danubia.connector.sdk.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import eu.danubia.connector.sdk.ConnectorSettings;
import eu.danubia.connector.sdk.testing.FixtureServer;

class JsonHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> HEADERS = Map.of("Accept", "application/json", "User-Agent", "DanubIA-connector/test");

    private final FixtureServer server = FixtureServer.start();
    private HttpServer echo;

    @AfterEach
    void stop() {
        server.close();
        if (echo != null) {
            echo.stop(0);
        }
    }

    @Test
    void getAsksBelowTheBaseUrlWithTheHeadersAndParsesTheAnswer() throws IOException {
        server.serve("/api/uctovne-jednotky?zmenene-od=2024-01-01", "{\"id\":[1689373],\"pocetZostavajucichId\":0}");
        JsonHttp http = new JsonHttp(settings(server.baseUrl() + "api/"), HEADERS, 1024);

        JsonNode answer = http.get("uctovne-jednotky?zmenene-od=2024-01-01");

        assertThat(answer.get("id").get(0).asLong()).isEqualTo(1689373L);
        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.headers().get("Accept")).containsExactly("application/json");
            assertThat(r.headers().get("User-Agent")).containsExactly("DanubIA-connector/test");
        });
    }

    @Test
    void postSendsTheBodyAsJson() throws IOException {
        echo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        echo.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode()
                        .put("method", exchange.getRequestMethod())
                        .put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"))
                        .set("body", JSON.readTree(in)));
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        echo.start();
        JsonHttp http = new JsonHttp(settings("http://127.0.0.1:" + echo.getAddress().getPort() + "/rest/"), HEADERS, 1024);

        JsonNode answer = http.post("ekonomicke-subjekty/vyhledat", JSON.createObjectNode().put("start", 0).put("pocet", 100));

        assertThat(answer.get("method").asText()).isEqualTo("POST");
        assertThat(answer.get("contentType").asText()).isEqualTo("application/json");
        assertThat(answer.get("body")).isEqualTo(JSON.createObjectNode().put("start", 0).put("pocet", 100));
    }

    @Test
    void anErrorStatusATooLongAnswerAndAPathLeavingTheBaseUrlFail() {
        server.serve("/big", "[" + "1,".repeat(600) + "1]");
        JsonHttp http = new JsonHttp(settings(server.baseUrl()), HEADERS, 1024);

        assertThatThrownBy(() -> http.get("missing")).isInstanceOf(IOException.class)
                .hasMessage("HTTP 404 from " + server.baseUrl() + "missing: no fixture at /missing");
        assertThatThrownBy(() -> http.get("big")).isInstanceOf(IOException.class)
                .hasMessage("the answer of " + server.baseUrl() + "big is larger than 1024 bytes");
        assertThatThrownBy(() -> http.get("../admin")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaves the base URL");
        assertThat(server.requestedPaths()).containsExactly("/missing", "/big");
    }

    private static ConnectorSettings settings(String baseUrl) {
        return ConnectorSettings.builder().baseUrl(baseUrl).build();
    }
}
