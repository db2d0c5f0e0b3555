package eu.danubia.connector.csv.internal;

import static eu.danubia.connector.sdk.testing.Reading.records;
import static eu.danubia.connector.sdk.testing.Reading.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.connector.sdk.Item;

/** National CSV exports (test resources, see README.md there) through a configured mapping. */
class GenericCsvReaderTest {

    static final String[] HU_MAPPING = {"nationalId=Adószám", "name=Cégnév", "legalForm=Cégforma", "nace=TEÁOR",
        "postalCode=Irányítószám", "city=Település", "street=Cím", "foundedOn=Alapítás", "year=Év",
        "turnover=Nettó árbevétel", "employees=Létszám", "profitLoss=Adózott eredmény", "equity=Saját tőke",
        "assets=Eszközök összesen"};

    static CsvSettings hungary() {
        return CsvSettings.of("hu-beszamolo", "HU", ";", "\"", "UTF-8", 1, HU_MAPPING, "uuuu.MM.dd", ",", null, "HUF",
                new String[] {"2023=381.85"}, null, 0);
    }

    @Test
    void aHungarianExportBecomesCompaniesAndStatementsAndItsBadRowsAreRejectedWithTheirLines() throws IOException {
        List<Item> items = read(hungary(), resource("hu-beszamolo.csv"));

        List<CompanyRecord> companies = records(items, CompanyRecord.class);
        assertThat(companies).extracting(CompanyRecord::nationalId)
                .containsExactly("10000017-2-41", "10000025-2-08", "10000033-2-13", "10000066-2-09");
        CompanyRecord first = companies.get(0);
        assertThat(first.source()).isEqualTo("hu-beszamolo");
        assertThat(first.name()).isEqualTo("Példa Gépgyártó; Szerelő Kft.");
        assertThat(first.legalForm()).isEqualTo("Kft.");
        assertThat(first.naceCodes()).containsExactly("28.29");
        assertThat(first.city()).isEqualTo("Budapest");
        assertThat(first.postalCode()).isEqualTo("1117");
        assertThat(first.street()).isEqualTo("Budafoki út 60.");
        assertThat(first.country()).isEqualTo("HU");
        assertThat(first.foundedOn()).isEqualTo(LocalDate.of(1995, 3, 14));
        // the unbalanced quotes are part of the name, and the row is stored
        assertThat(companies.get(2).name()).isEqualTo("\"Példa\" Kereskedelmi Kft.");
        assertThat(companies.get(3).naceCodes()).containsExactly("62.01");

        List<FinancialStatement> statements = records(items, FinancialStatement.class);
        assertThat(statements).hasSize(4);
        FinancialStatement statement = statements.get(0);
        assertThat(statement.year()).isEqualTo(2023);
        assertThat(statement.currency()).isEqualTo("HUF");
        assertThat(statement.turnover()).isEqualByComparingTo("1254310000");
        assertThat(statement.employees()).isEqualTo(86);
        assertThat(statement.profitLoss()).isEqualByComparingTo("74120500");
        assertThat(statement.equity()).isEqualByComparingTo("512000000");
        assertThat(statement.assets()).isEqualByComparingTo("1030450000");
        assertThat(statement.eurRate()).isEqualByComparingTo("381.85");
        assertThat(statements.get(1).profitLoss()).isEqualByComparingTo("-12750000");
        assertThat(statements.get(2).turnover()).isEqualByComparingTo("45600000.50");
        FinancialStatement sparse = statements.get(3);
        assertThat(sparse.turnover()).isNull();
        assertThat(sparse.profitLoss()).isNull();
        assertThat(sparse.employees()).isEqualTo(3);

        assertThat(rejected(items)).extracting(Item.Rejected::position, Item.Rejected::reason).containsExactly(
                tuple("line 5",
                        "turnover: not a number: '12,3,4' (more than one decimal separator)"),
                tuple("line 6", "6 fields, the header (line 1) has 14"));
        assertThat(rejected(items).get(1).payload()).isEqualTo("10000058-2-06;Rövid Sor Kft.;Kft.;6201;6720;Szeged");
    }

    @Test
    void anAustrianExportInIso88591WithATitleLineAndAStatusMap() throws IOException {
        CsvSettings austria = CsvSettings.of("at-firmenbuch", "AT", ",", "\"", "ISO-8859-1", 2,
                new String[] {"nationalId=FN", "name=Firma", "legalForm=Rechtsform", "city=Sitz", "postalCode=PLZ",
                    "street=Anschrift", "nace=ONACE", "foundedOn=Gruendung", "status=Status"},
                "dd.MM.uuuu", ".", null, null, null, new String[] {"aktiv=ACTIVE", "gelöscht=TERMINATED"}, 0);
        List<Item> items = read(austria, resource("at-firmenbuch.csv"));

        assertThat(rejected(items)).isEmpty();
        List<CompanyRecord> companies = records(items, CompanyRecord.class);
        assertThat(companies).extracting(CompanyRecord::name)
                .containsExactly("Müller Maschinenbau GmbH", "Grüner Weg Handels KG", "Wörthersee Tourismus GmbH");
        assertThat(companies.get(0).street()).isEqualTo("Hafenstraße 12, Halle 3");
        assertThat(companies.get(0).naceCodes()).containsExactly("28.41");
        assertThat(companies.get(0).foundedOn()).isEqualTo(LocalDate.of(1988, 4, 12));
        assertThat(companies).extracting(CompanyRecord::status).containsExactly("ACTIVE", "TERMINATED", "ACTIVE");
        assertThat(items).extracting(Item::position).containsExactly("line 3", "line 4", "line 5");
    }

    @Test
    void invalidBytesAndATenMegabyteLineAreRejectedAndTheGoodRowsStored() throws IOException {
        CsvSettings settings = CsvSettings.of("x-test", "HU", ";", "\"", "UTF-8", 1, new String[] {"nationalId=id", "name=name"},
                "uuuu-MM-dd", ".", null, null, null, null, 0);
        byte[] broken = "2;B\u00e9la\n".getBytes(StandardCharsets.UTF_8);
        broken[3] = (byte) 0xFF;
        InputStream input = new SequenceInputStream(Collections.enumeration(List.<InputStream>of(
                new ByteArrayInputStream("id;name\n1;Anna Kft.\n".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream(broken),
                new DelimitedLinesTest.Letters(10 * 1024 * 1024),
                new ByteArrayInputStream("\n3;Csaba Kft.\n".getBytes(StandardCharsets.UTF_8)))));

        List<Item> items = read(settings, input);

        assertThat(records(items, CompanyRecord.class)).extracting(CompanyRecord::name).containsExactly("Anna Kft.", "Csaba Kft.");
        assertThat(rejected(items)).extracting(Item.Rejected::position).containsExactly("line 3", "line 4");
        assertThat(rejected(items).get(0).reason()).contains("not valid UTF-8");
        assertThat(rejected(items).get(1).reason()).contains("10485760 bytes long");
    }

    @Test
    void aMappedColumnMissingFromTheHeaderFailsTheDocument() {
        CsvSettings settings = CsvSettings.of("x-test", "HU", ";", "\"", "UTF-8", 1, new String[] {"nationalId=Adószám", "name=Név"},
                "uuuu-MM-dd", ".", null, null, null, null, 0);

        assertThatThrownBy(() -> read(settings, resource("hu-beszamolo.csv"))).isInstanceOf(IOException.class)
                .hasMessageContaining("column 'Név' (name) is not in the header (line 1)");
    }

    @Test
    void columnsCanBeMappedByPositionAndNaceListsSplit() throws IOException {
        CsvSettings settings = CsvSettings.of("x-test", "SK", ",", "\"", "UTF-8", 1, new String[] {"nationalId=#1", "name=#2", "nace=#3"},
                "uuuu-MM-dd", ".", "|", null, null, null, 0);
        List<Item> items = read(settings, "a,b,c\n31333532,Príklad s.r.o.,62010|62.02|6201\n1,x,J\n".getBytes(StandardCharsets.UTF_8));

        assertThat(records(items, CompanyRecord.class)).singleElement()
                .satisfies(c -> assertThat(c.naceCodes()).containsExactly("62.01", "62.02"));
        assertThat(rejected(items)).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("nace: not a NACE division, group or class: 'J'"));
    }

    @Test
    void datesAreStrict() throws IOException {
        CsvSettings settings = CsvSettings.of("x-test", "HU", ";", "\"", "UTF-8", 1,
                new String[] {"nationalId=id", "name=name", "foundedOn=since"}, "dd.MM.yyyy", ".", null, null, null, null, 0);
        List<Item> items = read(settings, "id;name;since\n1;A;29.02.2020\n2;B;31.02.2020\n".getBytes(StandardCharsets.UTF_8));

        assertThat(records(items, CompanyRecord.class)).singleElement()
                .satisfies(c -> assertThat(c.foundedOn()).isEqualTo(LocalDate.of(2020, 2, 29)));
        assertThat(rejected(items)).singleElement().satisfies(r -> {
            assertThat(r.position()).isEqualTo("line 3");
            assertThat(r.reason()).isEqualTo("foundedOn: not a date in the configured format: '31.02.2020'");
        });
    }

    @Test
    void aMistakeInTheConfigurationIsReportedWhenItIsApplied() {
        assertThatThrownBy(() -> CsvSettings.of("x-test", "HU", ";", "\"", "UTF-8", 1, new String[] {"nationalId=a", "nom=b"},
                "uuuu-MM-dd", ".", null, null, null, null, 0)).hasMessageContaining("unknown target field 'nom'");
        assertThatThrownBy(() -> CsvSettings.of("x-test", "HU", ";", "\"", "UTF-8", 1,
                new String[] {"nationalId=a", "name=b", "turnover=c"}, "uuuu-MM-dd", ".", null, "HUF", null, null, 0))
                .hasMessageContaining("year must be mapped");
        assertThatThrownBy(() -> CsvSettings.of("x-test", "HU", ";;", "\"", "UTF-8", 1, new String[] {"nationalId=a", "name=b"},
                "uuuu-MM-dd", ".", null, null, null, null, 0)).hasMessageContaining("delimiter");
        assertThatThrownBy(() -> CsvSettings.of("X Test", "HU", ";", "\"", "UTF-8", 1, new String[] {"nationalId=a", "name=b"},
                "uuuu-MM-dd", ".", null, null, null, null, 0)).hasMessageContaining("connector id");
    }

    @Test
    void amountsAreReadAsTheExportWritesThemAndMisreadsAreRefused() {
        assertThat(Numbers.decimal("1 234 567,89", ',')).isEqualByComparingTo("1234567.89");
        assertThat(Numbers.decimal("1.234.567,89", ',')).isEqualByComparingTo("1234567.89");
        assertThat(Numbers.decimal("1,234,567.89", '.')).isEqualByComparingTo("1234567.89");
        assertThat(Numbers.decimal("(1\u00a0200)", '.')).isEqualByComparingTo("-1200");
        assertThat(Numbers.decimal("\u22125", '.')).isEqualByComparingTo("-5");
        assertThatThrownBy(() -> Numbers.decimal("1,5", '.')).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Numbers.decimal("1.5.6", '.')).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Numbers.decimal("12a", '.')).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Numbers.whole("2.5", '.')).isInstanceOf(NumberFormatException.class);
    }

    private static List<Item> read(CsvSettings settings, byte[] input) throws IOException {
        return read(settings, new ByteArrayInputStream(input));
    }

    private static List<Item> read(CsvSettings settings, InputStream input) throws IOException {
        List<Item> items = new ArrayList<>();
        new GenericCsvReader(settings).read(input, "export.csv", items::add);
        return items;
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = GenericCsvReaderTest.class.getResourceAsStream("/" + name)) {
            return in.readAllBytes();
        }
    }
}
