package eu.danubia.connector.cz.ares.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import eu.danubia.connector.sdk.ConnectorSettings;
import eu.danubia.connector.sdk.testing.InMemoryIngestService;

/**
 * The search that decides what to pull, against a loopback server answering
 * {@code POST /ekonomicke-subjekty/vyhledat} (the kit's fixture server answers GET only) with pages of
 * copies of the real Seznam.cz subject.
 */
class AresSearchTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HttpServer server;
    private final List<JsonNode> requests = new ArrayList<>();
    private int total;

    @BeforeEach
    void start() throws IOException {
        ObjectNode seznam = (ObjectNode) MAPPER.readTree(AresReaderTest.FIXTURE.toFile());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ekonomicke-subjekty/vyhledat", exchange -> {
            try (exchange) {
                JsonNode request = MAPPER.readTree(exchange.getRequestBody());
                synchronized (requests) {
                    requests.add(request);
                }
                if (!"POST".equals(exchange.getRequestMethod()) || !request.has("czNace")) {
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                int start = request.get("start").asInt();
                int count = Math.min(request.get("pocet").asInt(), Math.max(0, total - start));
                ArrayNode subjects = MAPPER.createArrayNode();
                for (int i = 0; i < count; i++) {
                    // every subject a copy of the real one with its own (made-up) IČO
                    subjects.add(seznam.deepCopy().put("ico", String.format("%08d", start + i + 1)));
                }
                if (start == 0 && count > 1) {
                    ((ObjectNode) subjects.get(1)).remove("ico");
                    ((ObjectNode) subjects.get(1)).put("icoId", "ARES_77");
                }
                ObjectNode answer = MAPPER.createObjectNode().put("pocetCelkem", total);
                answer.set("ekonomickeSubjekty", subjects);
                byte[] body = MAPPER.writeValueAsBytes(answer);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theSearchIsPagedAndItsIcosArePulledAfterTheConfiguredOnes() {
        total = 250;
        AresRoutes routes = routes(List.of("26168685"), "{\"czNace\":[\"62010\"]}", 230);

        List<String> paths = routes.pullPaths();

        // 230 asked for, one subject of the first page without an IČO: pages of 100, 100 and 31
        assertThat(requests).extracting(r -> r.get("start").asInt() + "/" + r.get("pocet").asInt())
                .containsExactly("0/100", "100/100", "200/31");
        assertThat(requests).allSatisfy(r -> assertThat(r.get("czNace").get(0).asText()).isEqualTo("62010"));
        assertThat(paths).hasSize(1 + 230).startsWith("ekonomicke-subjekty/26168685", "ekonomicke-subjekty/00000001",
                "ekonomicke-subjekty/00000003").endsWith("ekonomicke-subjekty/00000231");
    }

    @Test
    void theSearchStopsAtTheTotal() {
        total = 3;

        assertThat(routes(List.of(), "{\"czNace\":[\"62010\"]}", 1000).pullPaths())
                .containsExactly("ekonomicke-subjekty/00000001", "ekonomicke-subjekty/00000003");
        assertThat(requests).hasSize(1);
    }

    @Test
    void aRefusedSearchFailsThePullWithTheAnswer() {
        AresRoutes routes = routes(List.of(), "{\"obchodniJmeno\":\"Seznam\"}", 10);

        assertThatThrownBy(routes::pullPaths).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cz-ares: the ARES search failed: HTTP 400 from http://127.0.0.1:");
    }

    private AresRoutes routes(List<String> icos, String filter, int limit) {
        ConnectorSettings settings = ConnectorSettings.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/").build();
        return new AresRoutes(new InMemoryIngestService(), settings, icos, AresRoutes.searchFilter(filter), limit);
    }
}
