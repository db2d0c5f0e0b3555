package eu.danubia.connector.sk.ruz.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import eu.danubia.api.ingest.ImportRun;
import eu.danubia.api.ingest.IngestService;
import eu.danubia.connector.sdk.ConnectorRoutes;
import eu.danubia.connector.sdk.ConnectorSettings;
import eu.danubia.connector.sdk.ProgressListener;
import eu.danubia.connector.sdk.testing.ConnectorTestKit;
import eu.danubia.connector.sdk.testing.Fixture;

/**
 * The RUZ connector through the SDK's standard checks, on the recorded registeruz.sk answers of
 * {@code shared/data/registers/sk-ruz}, served over loopback HTTP at the paths the register uses.
 */
class RuzConnectorTest extends ConnectorTestKit {

    private static final Clock JUNE_1 = Clock.fixed(Instant.parse("2024-06-01T08:00:00Z"), ZoneOffset.UTC);

    @Override
    protected List<Fixture> fixtures() {
        return List.of(
                Fixture.of(RuzReaderTest.DATA.resolve("subject__find_success.json"), RuzReaderTest.UOL),
                Fixture.of(RuzReaderTest.DATA.resolve("models__financial_statement__additional.json"), RuzReaderTest.MINISTRY),
                Fixture.of(RuzReaderTest.DATA.resolve("financial_statement__find_success.json")).rejecting("$"));
    }

    @Override
    protected ConnectorRoutes routes(IngestService ingest, ConnectorSettings settings) {
        return new RuzRoutes(ingest, settings, List.of("50826042"), 0, 1000, JUNE_1);
    }

    @Test
    void theConfiguredIcoIsLookedUpAndItsUnitPulled() throws IOException {
        // the two requests of the recorded cassette subject/where_success (redrick/registeruz)
        server.serve("/uctovne-jednotky?ico=50826042&zmenene-od=1993-01-01", "{\"id\":[1689373],\"pocetZostavajucichId\":0}");
        server.serve("/uctovna-jednotka?id=1689373", Files.readAllBytes(RuzReaderTest.DATA.resolve("subject__find_success.json")));

        List<ImportRun> runs = routes.importNow(null, ProgressListener.NONE);

        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.state()).isEqualTo("DONE");
            assertThat(run.stored()).isEqualTo(1);
        });
        assertThat(ingest.records()).containsExactly(RuzReaderTest.UOL);
        assertThat(ingest.calls()).singleElement().satisfies(c -> assertThat(c.position()).isEqualTo("/uctovna-jednotka?id=1689373, $"));
        assertThat(server.requestedPaths()).containsExactly("/uctovne-jednotky?ico=50826042&zmenene-od=1993-01-01",
                "/uctovna-jednotka?id=1689373");
    }

    @Test
    void recentlyChangedUnitsArePagedUpToTheLimit() {
        server.serve("/uctovne-jednotky?ico=50826042&zmenene-od=1993-01-01", "{\"id\":[1689373],\"pocetZostavajucichId\":0}");
        server.serve("/uctovne-jednotky?zmenene-od=2024-05-30&max-zaznamov=4", "{\"id\":[3,442175],\"pocetZostavajucichId\":5}");
        server.serve("/uctovne-jednotky?zmenene-od=2024-05-30&max-zaznamov=2&pokracovat-za-id=442175",
                "{\"id\":[442180,1689373],\"pocetZostavajucichId\":3}");
        server.serve("/uctovne-jednotky?zmenene-od=2024-05-30&max-zaznamov=1&pokracovat-za-id=1689373",
                "{\"id\":[1700000],\"pocetZostavajucichId\":7}");
        RuzRoutes recent = new RuzRoutes(ingest, routes.settings(), List.of("50826042"), 2, 5, JUNE_1);

        // 1689373 comes twice, so the third page asks for the one id still allowed; the limit ends the paging
        assertThat(recent.pullPaths()).containsExactly("uctovna-jednotka?id=1689373", "uctovna-jednotka?id=3",
                "uctovna-jednotka?id=442175", "uctovna-jednotka?id=442180", "uctovna-jednotka?id=1700000");
        assertThat(server.requestedPaths()).hasSize(4);
    }

    @Test
    void anUnansweredLookupFailsThePullWithTheReason() {
        assertThatThrownBy(() -> routes.importNow(null, ProgressListener.NONE))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("sk-ruz: asking the register which units to pull failed: HTTP 404 from http://127.0.0.1:");
    }

    @Test
    void badConfigurationFailsActivationNamingTheField() {
        assertThat(RuzRoutes.icos(new String[] {"50826042 ", "50826042,30845572", ""})).containsExactly("50826042", "30845572");
        assertThatThrownBy(() -> RuzRoutes.icos(new String[] {"5082604x"})).hasMessage("icos: '5082604x' is not an IČO (8 digits)");
        assertThatThrownBy(() -> RuzRoutes.changedWithinDays(-1)).hasMessageStartingWith("changedWithinDays must be between 0 and 3650");
        assertThatThrownBy(() -> RuzRoutes.maxUnits(0)).hasMessageStartingWith("maxUnits must be between 1 and 100000");
    }
}
