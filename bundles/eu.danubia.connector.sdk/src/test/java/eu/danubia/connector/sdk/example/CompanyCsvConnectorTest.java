package eu.danubia.connector.sdk.example;

import java.time.LocalDate;
import java.util.List;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.IngestService;
import eu.danubia.connector.sdk.ConnectorRoutes;
import eu.danubia.connector.sdk.ConnectorSettings;
import eu.danubia.connector.sdk.testing.ConnectorTestKit;
import eu.danubia.connector.sdk.testing.Fixture;

/**
 * The example connector through the standard checks of the test kit. This is the whole test an integrator
 * writes for the routes: the fixtures and the records they must give. The rows are real companies from
 * {@code ../shared/data/registers} (see the README next to the fixtures).
 */
class CompanyCsvConnectorTest extends ConnectorTestKit {

    static final CompanyRecord SEZNAM = new CompanyRecord(CompanyCsvRoutes.ID, "26168685", "Seznam.cz, a.s.", "121",
            List.of("461", "46900", "581", "62090", "63120", "6820", "69200", "731", "73120", "791"),
            "Radlická 3294/10", "Praha 5", "15000", "CZ", null, "ACTIVE", LocalDate.of(2000, 4, 5));
    static final CompanyRecord UOL = new CompanyRecord(CompanyCsvRoutes.ID, "50826042", "UOL SK s.r.o.", "112",
            List.of("69200"), "Karpatské námestie 10A", "Bratislava - mestská časť Rača", "83106", "SK", null,
            "ACTIVE", LocalDate.of(2017, 4, 12));
    static final CompanyRecord PARUS = new CompanyRecord(CompanyCsvRoutes.ID, "38949117",
            "ТОВАРИСТВО З ОБМЕЖЕНОЮ ВІДПОВІДАЛЬНІСТЮ \"ПАРУС-ІФ\"", "ТОВАРИСТВО З ОБМЕЖЕНОЮ ВІДПОВІДАЛЬНІСТЮ",
            List.of("41.10"), "ВУЛИЦЯ ЄВГЕНА КОНОВАЛЬЦЯ, будинок 35", "місто Івано-Франківськ", "76018", "UA", null,
            "TERMINATED", LocalDate.of(2013, 10, 24));
    static final CompanyRecord ACADEMY = new CompanyRecord(CompanyCsvRoutes.ID, "44660866",
            "ТОВАРИСТВО З ОБМЕЖЕНОЮ ВІДПОВІДАЛЬНІСТЮ \"МІЖНАРОДНА АКАДЕМІЯ СУЧАСНОЇ МЕДИЧНОЇ ОСВІТИ\"",
            "ТОВАРИСТВО З ОБМЕЖЕНОЮ ВІДПОВІДАЛЬНІСТЮ", List.of("82.30"), "пров.Куренівський, будинок 17", "місто Київ",
            "04073", "UA", null, "ACTIVE", LocalDate.of(2022, 2, 16));

    @Override
    protected List<Fixture> fixtures() {
        return List.of(
                Fixture.resource(getClass(), "companies.csv", SEZNAM, UOL, PARUS, ACADEMY),
                Fixture.resource(getClass(), "companies-with-errors.csv", SEZNAM, UOL).rejecting("line 3", "line 4"));
    }

    @Override
    protected ConnectorRoutes routes(IngestService ingest, ConnectorSettings settings) {
        return new CompanyCsvRoutes(ingest, settings);
    }

    @Override
    protected boolean recordPerLine() {
        return true;
    }
}
