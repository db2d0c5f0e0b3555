package eu.danubia.connector.ro.onrc.internal;

import java.util.List;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.IngestService;
import eu.danubia.connector.sdk.ConnectorRoutes;
import eu.danubia.connector.sdk.ConnectorSettings;
import eu.danubia.connector.sdk.testing.ConnectorTestKit;
import eu.danubia.connector.sdk.testing.Fixture;

/** The ONRC connector through the SDK's standard checks, with the od_firme fixtures of the test resources. */
class OnrcConnectorTest extends ConnectorTestKit {

    static final CompanyRecord OLD_ACTIVE = new CompanyRecord("ro-onrc", "99200017", "EXEMPLU VECHI SRL", null, List.of(),
            "Str. Veche nr. 1, Bucureşti", null, null, "RO", null, "ACTIVE", null);
    static final CompanyRecord OLD_STRUCK_OFF = new CompanyRecord("ro-onrc", "99200025", "EXEMPLU RADIAT SRL", null, List.of(),
            "Str. Lungă nr. 2, Cluj-Napoca, Cluj", null, null, "RO", null, "TERMINATED", null);
    static final CompanyRecord OLD_INSOLVENT = new CompanyRecord("ro-onrc", "99200033", "EXEMPLU INSOLVENT SA", null, List.of(),
            "Str. Scurtă nr. 3, Iaşi, Iaşi", null, null, "RO", null, "IN_LIQUIDATION", null);

    @Override
    protected List<Fixture> fixtures() {
        return List.of(
                Fixture.resource(getClass(), "/od_firme.csv", OnrcReaderTest.CONSTRUCT, OnrcReaderTest.LEMNLIND, OnrcReaderTest.ALFA,
                        OnrcReaderTest.SOFTWARE, OnrcReaderTest.AGRO, OnrcReaderTest.PFA, OnrcReaderTest.TRANSPORT)
                        .rejecting("line 8", "line 9", "line 10", "line 11"),
                Fixture.resource(getClass(), "/od_firme_2019.csv", OLD_ACTIVE, OLD_STRUCK_OFF, OLD_INSOLVENT));
    }

    @Override
    protected ConnectorRoutes routes(IngestService ingest, ConnectorSettings settings) {
        return new OnrcRoutes(ingest, settings);
    }

    @Override
    protected boolean recordPerLine() {
        return true;
    }
}
