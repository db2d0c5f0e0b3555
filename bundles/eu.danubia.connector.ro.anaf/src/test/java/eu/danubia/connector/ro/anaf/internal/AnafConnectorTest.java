package eu.danubia.connector.ro.anaf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.api.ingest.ImportRun;
import eu.danubia.api.ingest.IngestService;
import eu.danubia.connector.sdk.ConnectorRoutes;
import eu.danubia.connector.sdk.ConnectorSettings;
import eu.danubia.connector.sdk.ProgressListener;
import eu.danubia.connector.sdk.testing.ConnectorTestKit;
import eu.danubia.connector.sdk.testing.Fixture;

/** The ANAF connector through the SDK's standard checks, with the answers of test resources anaf/ served locally. */
class AnafConnectorTest extends ConnectorTestKit {

    static final EurRates RATES = EurRates.withOverrides(null);

    static final CompanyRecord PROFIT_COMPANY = new CompanyRecord("ro-anaf", "99000017", "EXEMPLU  PRODUCTIE METALICA SRL", null,
            List.of("25.11"), null, null, null, "RO", null, null, null);
    static final FinancialStatement PROFIT = new FinancialStatement("ro-anaf", "99000017", 2023, "RON", new BigDecimal("11873420"), 47,
            new BigDecimal("903412"), new BigDecimal("7126000"), new BigDecimal("3976800"), null, new BigDecimal("4.9465"));
    static final CompanyRecord LOSS_COMPANY = new CompanyRecord("ro-anaf", "99000025", "EXEMPLU AGRO CEREALE SRL", null,
            List.of("01.11"), null, null, null, "RO", null, null, null);
    static final FinancialStatement LOSS = new FinancialStatement("ro-anaf", "99000025", 2023, "RON", new BigDecimal("734500"), 5,
            new BigDecimal("-87104"), new BigDecimal("281400"), new BigDecimal("-120600"), null, new BigDecimal("4.9465"));
    static final CompanyRecord INSURER = new CompanyRecord("ro-anaf", "99000041", "EXEMPLU ASIGURARI SA", null,
            List.of("65.12"), null, null, null, "RO", null, null, null);

    @Override
    protected List<Fixture> fixtures() {
        return List.of(
                Fixture.resource(getClass(), "/anaf/profit-2023.json", PROFIT_COMPANY, PROFIT),
                Fixture.resource(getClass(), "/anaf/loss-2023.json", LOSS_COMPANY, LOSS),
                Fixture.resource(getClass(), "/anaf/no-statement.json").rejecting("$"),
                Fixture.resource(getClass(), "/anaf/other-layout.json", INSURER).rejecting("$.i[2]"));
    }

    @Override
    protected ConnectorRoutes routes(IngestService ingest, ConnectorSettings settings) {
        return new AnafRoutes(ingest, settings, List.of("99000017", "99000025"), List.of(2023), RATES);
    }

    @Test
    void theScheduledPullAsksForEachCuiAndYear() {
        server.serve("/bilant?an=2023&cui=99000017", Fixture.resource(getClass(), "/anaf/profit-2023.json").content());
        server.serve("/bilant?an=2023&cui=99000025", Fixture.resource(getClass(), "/anaf/loss-2023.json").content());

        List<ImportRun> runs = routes.importNow(null, ProgressListener.NONE);

        assertThat(runs).extracting(ImportRun::state).containsExactly("DONE", "DONE");
        assertThat(server.requestedPaths()).containsExactly("/bilant?an=2023&cui=99000017", "/bilant?an=2023&cui=99000025");
        assertThat(storedRecords()).containsExactlyInAnyOrder(PROFIT_COMPANY, PROFIT, LOSS_COMPANY, LOSS);
    }

    @Test
    void withoutConfiguredYearsThePreviousYearIsPulled() {
        AnafRoutes routes = new AnafRoutes(ingest, ConnectorSettings.builder().baseUrl(server.baseUrl()).build(),
                List.of("14399840"), List.of(), RATES) {
            @Override
            protected Clock clock() {
                return Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
            }
        };

        assertThat(routes.pullPaths()).containsExactly("bilant?an=2024&cui=14399840");
    }

    @Test
    void theConfigurationIsCheckedWhenItIsApplied() {
        assertThat(AnafRoutes.cuis(new String[] {"RO14399840, 2816464; 0002816464", "RO 123"}))
                .containsExactly("14399840", "2816464", "123");
        assertThat(AnafRoutes.years(new String[] {"2022 2023", "2023"})).containsExactly(2022, 2023);
        assertThatThrownBy(() -> AnafRoutes.cuis(new String[] {"14399840&an=1"})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a CUI");
        assertThatThrownBy(() -> AnafRoutes.years(new String[] {"23"})).hasMessageContaining("not a plausible statement year");
    }
}
