package eu.danubia.connector.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.api.ingest.IngestService;
import eu.danubia.connector.sdk.ConnectorRoutes;
import eu.danubia.connector.sdk.ConnectorSettings;
import eu.danubia.connector.sdk.testing.ConnectorTestKit;
import eu.danubia.connector.sdk.testing.Fixture;

/** A Hungarian-style CSV export (test resources, see README.md there) through the SDK's standard checks. */
class CsvConnectorTest extends ConnectorTestKit {

    static final String ID = "hu-beszamolo";

    @Override
    protected List<Fixture> fixtures() {
        return List.of(
                Fixture.resource(getClass(), "/hu-beszamolo.csv",
                        company("10000017-2-41", "Példa Gépgyártó; Szerelő Kft.", "Kft.", "28.29", "Budafoki út 60.", "Budapest", "1117",
                                LocalDate.of(1995, 3, 14)),
                        statement("10000017-2-41", 2023, "1254310000", 86, "74120500", "1030450000", "512000000", "381.85"),
                        company("10000025-2-08", "Minta Sütőipari Zrt.", "Zrt.", "10.71", "Baross Gábor út 12.", "Győr", "9022",
                                LocalDate.of(2001, 9, 1)),
                        statement("10000025-2-08", 2023, "389004000", 41, "-12750000", "240120000", "96400000", "381.85"),
                        company("10000033-2-13", "\"Példa\" Kereskedelmi Kft.", "Kft.", "46.90", "Kinizsi utca 2.", "Budaörs", "2040",
                                LocalDate.of(2010, 6, 30)),
                        statement("10000033-2-13", 2023, "45600000.50", 6, "1200000", "19500000", "8000000", "381.85"),
                        company("10000066-2-09", "Utolsó Példa Kft.", "Kft.", "62.01", "Piac utca 9.", "Debrecen", "4024",
                                LocalDate.of(2018, 11, 5)),
                        statement("10000066-2-09", 2023, null, 3, null, null, null, "381.85"))
                        .rejecting("line 5", "line 6"),
                Fixture.resource(getClass(), "/hu-beszamolo-2022.csv",
                        company("10000017-2-41", "Példa Gépgyártó; Szerelő Kft.", "Kft.", "28.29", "Budafoki út 60.", "Budapest", "1117",
                                LocalDate.of(1995, 3, 14)),
                        statement("10000017-2-41", 2022, "1180950000", 84, "69004000", "951300000", "437880000", "391.29"),
                        company("10000074-2-19", "Minta Borászat Kft.", "Kft.", "11.02", "Óváros tér 3.", "Veszprém", "8200",
                                LocalDate.of(2004, 4, 1)),
                        statement("10000074-2-19", 2022, "152300000", 12, "8410000", "118900000", "60120000", "391.29"),
                        company("10000082-2-03", "Példa Logisztika Zrt.", "Zrt.", "52.10", "Ipari út 14.", "Kecskemét", "6000",
                                LocalDate.of(1999, 12, 1)),
                        statement("10000082-2-03", 2022, "2004560000", 133, "-3240000", "1720400000", "810000000", "391.29")));
    }

    @Override
    protected ConnectorRoutes routes(IngestService ingest, ConnectorSettings settings) {
        return new CsvRoutes(ingest, settings, CsvSettings.of(ID, "HU", ";", "\"", "UTF-8", 1, GenericCsvReaderTest.HU_MAPPING,
                "yyyy.MM.dd", ",", null, "HUF", CsvRoutes.split(new String[] {"2022=391.29, 2023=381.85"}, CsvRoutes.WORDS),
                null, 0), "Hungarian financial statements (example)");
    }

    @Override
    protected boolean recordPerLine() {
        return true;
    }

    @Test
    void multiValueSettingsAreSplitAsACfgFileGivesThem() {
        String[] mapping = CsvRoutes.split(new String[] {"nationalId=Adószám; name=Cégnév;\n city = Település "}, CsvRoutes.LIST);

        assertThat(mapping).containsExactly("nationalId=Adószám", "name=Cégnév", "city = Település");
        assertThat(CsvSettings.of(ID, "HU", ";", "\"", "UTF-8", 1, mapping, "yyyy-MM-dd", ".", null, null, null, null, 0).columns())
                .containsEntry(Field.CITY, "Település");
        assertThatThrownBy(() -> CsvSettings.of("hu_e", "HU", ";", "\"", "UTF-8", 1, mapping, "yyyy-MM-dd", ".", null, null, null, null, 0))
                .hasMessageContaining("connector id");
    }

    private static CompanyRecord company(String id, String name, String form, String nace, String street, String city, String postal,
            LocalDate founded) {
        return new CompanyRecord(ID, id, name, form, List.of(nace), street, city, postal, "HU", null, null, founded);
    }

    private static FinancialStatement statement(String id, int year, String turnover, Integer employees, String profit, String assets,
            String equity, String rate) {
        return new FinancialStatement(ID, id, year, "HUF", decimal(turnover), employees, decimal(profit), decimal(assets), decimal(equity),
                null, decimal(rate));
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
