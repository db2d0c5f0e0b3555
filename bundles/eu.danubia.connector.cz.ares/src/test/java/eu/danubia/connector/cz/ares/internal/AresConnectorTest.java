package eu.danubia.connector.cz.ares.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.danubia.api.ingest.ImportRun;
import eu.danubia.api.ingest.IngestService;
import eu.danubia.connector.sdk.ConnectorRoutes;
import eu.danubia.connector.sdk.ConnectorSettings;
import eu.danubia.connector.sdk.ProgressListener;
import eu.danubia.connector.sdk.testing.ConnectorTestKit;
import eu.danubia.connector.sdk.testing.Fixture;

/**
 * The ARES connector through the SDK's standard checks, on the real answer for IČO 26168685
 * ({@code shared/data/registers/cz-ares}) and a search answer built from it, served over loopback HTTP.
 */
class AresConnectorTest extends ConnectorTestKit {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    protected List<Fixture> fixtures() {
        return List.of(Fixture.of(AresReaderTest.FIXTURE, AresReaderTest.SEZNAM), searchAnswer());
    }

    /** A search answer: the real subject, and one without an IČO that must be rejected alone. */
    private static Fixture searchAnswer() {
        try {
            ObjectNode seznam = (ObjectNode) MAPPER.readTree(AresReaderTest.FIXTURE.toFile());
            ObjectNode withoutIco = seznam.deepCopy();
            withoutIco.remove(List.of("ico", "icoId"));
            ObjectNode answer = MAPPER.createObjectNode().put("pocetCelkem", 2);
            answer.set("ekonomickeSubjekty", MAPPER.createArrayNode().add(seznam).add(withoutIco));
            return new Fixture("vyhledat.json", MAPPER.writeValueAsBytes(answer), List.of(AresReaderTest.SEZNAM),
                    List.of("$.ekonomickeSubjekty[1]"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected ConnectorRoutes routes(IngestService ingest, ConnectorSettings settings) {
        return new AresRoutes(ingest, settings, List.of("26168685"), null, 1);
    }

    @Test
    void theConfiguredIcoIsPulledFromItsArespath() throws IOException {
        server.serve("/ekonomicke-subjekty/26168685", Files.readAllBytes(AresReaderTest.FIXTURE));

        List<ImportRun> runs = routes.importNow(null, ProgressListener.NONE);

        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.state()).isEqualTo("DONE");
            assertThat(run.stored()).isEqualTo(1);
            assertThat(run.source()).endsWith("/ekonomicke-subjekty/26168685");
        });
        assertThat(ingest.records()).containsExactly(AresReaderTest.SEZNAM);
        assertThat(ingest.calls()).singleElement().satisfies(c -> assertThat(c.position()).isEqualTo("/ekonomicke-subjekty/26168685, $"));
        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.headers().get("Accept")).containsExactly("application/json");
        });
    }

    @Test
    void aDisabledConnectorHasNeitherScheduleNorDropDirectory() {
        assertThat(camel.getRoutes()).extracting(r -> r.getRouteId()).contains("cz-ares-files");
        ConnectorSettings disabled = AresRoutes.settings(config(false, "0 4 * * *", "/tmp/ares-drop"));
        assertThat(disabled.schedule()).isEmpty();
        assertThat(disabled.dropDirectory()).isEmpty();
        ConnectorSettings enabled = AresRoutes.settings(config(true, "0 4 * * *", "/tmp/ares-drop"));
        assertThat(enabled.schedule()).contains("0 4 * * *");
        assertThat(enabled.baseUrl()).hasValueSatisfying(u -> assertThat(u).hasToString("https://ares.gov.cz/ekonomicke-subjekty-v-be/rest/"));
    }

    @Test
    void badConfigurationFailsActivationNamingTheField() {
        assertThat(AresRoutes.icos(new String[] {" 26168685", "", "26168685, 45274649"})).containsExactly("26168685", "45274649");
        assertThatThrownBy(() -> AresRoutes.icos(new String[] {"2616868"})).hasMessage("icos: '2616868' is not an IČO (8 digits)");
        assertThatThrownBy(() -> AresRoutes.icos(new String[] {"../admin"})).hasMessageStartingWith("icos: ");
        assertThatThrownBy(() -> AresRoutes.searchFilter("{czNace")).hasMessageStartingWith("searchFilter is not JSON");
        assertThatThrownBy(() -> AresRoutes.searchFilter("[]")).hasMessageStartingWith("searchFilter must be a non-empty JSON object");
        assertThatThrownBy(() -> AresRoutes.searchLimit(1001)).hasMessage("searchLimit must be between 1 and 1000, not 1001");
        assertThat(AresRoutes.searchFilter(" ")).isNull();
        assertThat(AresRoutes.searchFilter("{\"czNace\":[\"62010\"]}")).hasToString("{\"czNace\":[\"62010\"]}");
    }

    static AresRoutes.Config config(boolean enabled, String schedule, String dropDirectory) {
        return new AresRoutes.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return AresRoutes.Config.class;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public String baseUrl() {
                return "https://ares.gov.cz/ekonomicke-subjekty-v-be/rest/";
            }

            @Override
            public String[] icos() {
                return new String[0];
            }

            @Override
            public String searchFilter() {
                return "";
            }

            @Override
            public int searchLimit() {
                return 100;
            }

            @Override
            public String schedule() {
                return schedule;
            }

            @Override
            public String dropDirectory() {
                return dropDirectory;
            }
        };
    }
}
