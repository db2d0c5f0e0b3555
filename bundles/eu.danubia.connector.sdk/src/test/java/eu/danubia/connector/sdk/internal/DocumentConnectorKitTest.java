package eu.danubia.connector.sdk.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.connector.sdk.SourceReader;
import eu.danubia.connector.sdk.testing.ConnectorTestKit;
import eu.danubia.connector.sdk.testing.Fixture;

/**
 * The kit's checks for a connector whose document is one JSON record, on the real ARES response in
 * {@code ../shared/data/registers/cz-ares}: here a broken document fails its run as a whole and the dropped file
 * moves to {@code .failed}.
 */
class DocumentConnectorKitTest extends ConnectorTestKit {

    static final Path ARES = Path.of(System.getProperty("danubia.shared.data", "../../../shared/data"))
            .resolve("registers/cz-ares/ekonomicke-subjekty-26168685.json");

    static final CompanyRecord SEZNAM = new CompanyRecord(JsonCompanyReader.SOURCE, "26168685", "Seznam.cz, a.s.", "121",
            List.of("461", "46900", "581", "62090", "63120", "6820", "69200", "731", "73120", "791"),
            "Radlická 3294/10", "Praha", "15000", "CZ", null, "ACTIVE", LocalDate.of(2000, 4, 5));

    @Override
    protected List<Fixture> fixtures() {
        return List.of(Fixture.of(ARES, SEZNAM));
    }

    @Override
    protected SourceReader reader() {
        return new JsonCompanyReader();
    }

    @Override
    protected String connectorId() {
        return "json-test";
    }
}
