package eu.danubia.connector.ua.edr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
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
 * The EDR connector through the SDK's standard checks, on the two real records of
 * {@code shared/data/registers/ua-edr/edr_sample.json}, served over loopback HTTP and dropped as files.
 */
class EdrConnectorTest extends ConnectorTestKit {

    @Override
    protected List<Fixture> fixtures() {
        return List.of(Fixture.of(EdrReaderTest.FIXTURE, EdrReaderTest.PARUS, EdrReaderTest.ACADEMY));
    }

    @Override
    protected ConnectorRoutes routes(IngestService ingest, ConnectorSettings settings) {
        return new EdrRoutes(ingest, settings.toBuilder().paths("exports/edr_sample.json").build());
    }

    @Test
    void theConfiguredExportIsPulled() throws IOException {
        server.serve("/exports/edr_sample.json", Files.readAllBytes(EdrReaderTest.FIXTURE));

        List<ImportRun> runs = routes.importNow(null, ProgressListener.NONE);

        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.state()).isEqualTo("DONE");
            assertThat(run.stored()).isEqualTo(2);
        });
        assertThat(ingest.records()).containsExactly(EdrReaderTest.PARUS, EdrReaderTest.ACADEMY);
        assertThat(ingest.calls()).extracting(c -> c.position())
                .containsExactly("/exports/edr_sample.json, $[0]", "/exports/edr_sample.json, $[1]");
    }
}
