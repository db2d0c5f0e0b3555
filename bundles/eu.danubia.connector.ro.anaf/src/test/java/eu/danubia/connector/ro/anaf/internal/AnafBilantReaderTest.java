package eu.danubia.connector.ro.anaf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.api.ingest.FinancialStatement;
import eu.danubia.connector.sdk.Item;

/** ANAF answers (test resources anaf/, hand-written in the service's shape, see anaf/README.md) into records. */
class AnafBilantReaderTest {

    private final AnafBilantReader reader = new AnafBilantReader(EurRates.withOverrides(new String[] {"2031=5.2"}));

    @Test
    void aProfitableCompanyIsReadByIndicatorCodeDespiteItsLabels() throws IOException {
        List<Item> items = read(fixture("profit-2023.json"));

        assertThat(items).hasSize(2).allMatch(Item.Accepted.class::isInstance);
        CompanyRecord company = record(items.get(0), CompanyRecord.class);
        assertThat(company.source()).isEqualTo("ro-anaf");
        assertThat(company.nationalId()).isEqualTo("99000017");
        assertThat(company.name()).isEqualTo("EXEMPLU  PRODUCTIE METALICA SRL");
        assertThat(company.naceCodes()).containsExactly("25.11");
        assertThat(company.country()).isEqualTo("RO");

        FinancialStatement statement = record(items.get(1), FinancialStatement.class);
        assertThat(statement.source()).isEqualTo("ro-anaf");
        assertThat(statement.nationalId()).isEqualTo("99000017");
        assertThat(statement.year()).isEqualTo(2023);
        assertThat(statement.currency()).isEqualTo("RON");
        assertThat(statement.turnover()).isEqualByComparingTo("11873420");
        assertThat(statement.employees()).isEqualTo(47);
        assertThat(statement.profitLoss()).isEqualByComparingTo("903412");
        // I1 + I2 + I6, which equals I7 + I8 + I9 + I10 in the fixture
        assertThat(statement.assets()).isEqualByComparingTo("7126000");
        assertThat(statement.equity()).isEqualByComparingTo("3976800");
        assertThat(statement.exports()).isNull();
        assertThat(statement.eurRate()).isEqualByComparingTo("4.9465");
        assertThat(items.get(1).position()).isEqualTo("$.i");
    }

    @Test
    void aLossIsTheNetLossOfI19EvenWhenLabelledAsTheGrossLoss() throws IOException {
        List<Item> items = read(fixture("loss-2023.json"));

        CompanyRecord company = record(items.get(0), CompanyRecord.class);
        // a string CAEN keeps its leading zero
        assertThat(company.naceCodes()).containsExactly("01.11");
        FinancialStatement statement = record(items.get(1), FinancialStatement.class);
        assertThat(statement.profitLoss()).isEqualByComparingTo("-87104");
        assertThat(statement.turnover()).isEqualByComparingTo("734500");
        assertThat(statement.employees()).isEqualTo(5);
        // I6 is absent: the total is I1 + I2
        assertThat(statement.assets()).isEqualByComparingTo("281400");
        assertThat(statement.equity()).isEqualByComparingTo("-120600");
    }

    @Test
    void missingFiguresAreNullNeverZero() throws IOException {
        String json = """
                {"an":2031,"cui":"RO 0099000058","deni":"X SRL","caen":111,"den_caen":"","i":[
                  {"indicator":"I10","val_indicator":1000,"val_den_indicator":"CAPITALURI"},
                  {"indicator":"I13","val_indicator":null,"val_den_indicator":"Cifra de afaceri neta"},
                  {"indicator":"I1","val_indicator":500,"val_den_indicator":"ACTIVE IMOBILIZATE"}]}""";
        List<Item> items = read(json);

        CompanyRecord company = record(items.get(0), CompanyRecord.class);
        assertThat(company.nationalId()).isEqualTo("99000058");
        // a numeric CAEN loses its leading zero in JSON; it is restored
        assertThat(company.naceCodes()).containsExactly("01.11");
        FinancialStatement statement = record(items.get(1), FinancialStatement.class);
        assertThat(statement.turnover()).isNull();
        assertThat(statement.employees()).isNull();
        assertThat(statement.profitLoss()).isNull();
        assertThat(statement.assets()).as("I2 is missing, so no total").isNull();
        assertThat(statement.equity()).isEqualByComparingTo("1000");
        assertThat(statement.eurRate()).as("configured rate for 2031").isEqualByComparingTo("5.2");
    }

    @Test
    void aYearWithoutARateHasANullRate() throws IOException {
        String json = """
                {"an":2032,"cui":99000066,"deni":"X SRL","caen":0,"i":[{"indicator":"I13","val_indicator":10}]}""";
        FinancialStatement statement = record(read(json).get(1), FinancialStatement.class);

        assertThat(statement.eurRate()).isNull();
        assertThat(statement.turnover()).isEqualByComparingTo("10");
    }

    @Test
    void aCompanyThatFiledNothingIsRejectedWithTheReason() throws IOException {
        List<Item> items = read(fixture("no-statement.json"));

        assertThat(items).singleElement().isInstanceOfSatisfying(Item.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo("$");
            assertThat(r.reason()).contains("no financial statement").contains("2023");
        });
    }

    @Test
    void anotherLayoutIsRejectedRatherThanMisread() throws IOException {
        List<Item> items = read(fixture("other-layout.json"));

        assertThat(items.get(0)).isInstanceOf(Item.Accepted.class);
        assertThat(items.get(1)).isInstanceOfSatisfying(Item.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo("$.i[2]");
            assertThat(r.reason()).contains("I27").contains("I31").contains("I33").contains("layout");
        });
        assertThat(items).hasSize(2);
    }

    @Test
    void aValueThatIsNotANumberRejectsTheStatementWithItsPosition() throws IOException {
        String json = """
                {"an":2023,"cui":99000074,"deni":"X SRL","caen":4711,"i":[
                  {"indicator":"I1","val_indicator":5},
                  {"indicator":"I13","val_indicator":"abc","val_den_indicator":"Cifra de afaceri neta"}]}""";
        List<Item> items = read(json);

        assertThat(items.get(0)).isInstanceOf(Item.Accepted.class);
        assertThat(items.get(1)).isInstanceOfSatisfying(Item.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo("$.i[1]");
            assertThat(r.reason()).isEqualTo("I13: not a number: 'abc'");
            assertThat(r.payload()).contains("'I13'='abc'");
        });
    }

    @Test
    void numbersGivenAsStringsAreRead() throws IOException {
        String json = """
                {"an":"2023","cui":"99000082","deni":"X SRL","i":[{"indicator":"I13","val_indicator":"1234.5"},
                  {"indicator":"I20","val_indicator":"3.0"}]}""";
        FinancialStatement statement = record(read(json).get(1), FinancialStatement.class);

        assertThat(statement.turnover()).isEqualByComparingTo("1234.5");
        assertThat(statement.employees()).isEqualTo(3);
    }

    @Test
    void contradictoryFiguresAreRejected() throws IOException {
        String json = """
                {"an":2023,"cui":99000090,"deni":"X SRL","i":[{"indicator":"I18","val_indicator":10},
                  {"indicator":"I19","val_indicator":4},{"indicator":"I20","val_indicator":2.5},
                  {"indicator":"I13","val_indicator":1},{"indicator":"I13","val_indicator":2}]}""";
        Item.Rejected rejected = (Item.Rejected) read(json).get(1);

        assertThat(rejected.reason()).contains("both positive").contains("I20: not a whole number")
                .contains("I13: given twice, as 1 and 2");
    }

    @Test
    void anAnswerWithoutACuiIsRejected() throws IOException {
        List<Item> items = read("{\"an\":2023,\"deni\":\"X\",\"i\":[]}");

        assertThat(items).singleElement().isInstanceOfSatisfying(Item.Rejected.class,
                r -> assertThat(r.reason()).contains("cui is missing"));
    }

    @Test
    void truncatedJsonFailsTheDocumentWithTheReason() throws IOException {
        byte[] whole = fixture("profit-2023.json");
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> read(truncated)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("not valid JSON at line 1").hasMessageContaining("end-of-input");
    }

    @Test
    void invalidUtf8FailsTheDocumentWithTheReason() throws IOException {
        byte[] json = "{\"an\":2023,\"cui\":99000017,\"deni\":\"EXEMPLU ?? SRL\",\"i\":[]}".getBytes(StandardCharsets.UTF_8);
        int at = new String(json, StandardCharsets.US_ASCII).indexOf('?');
        json[at] = (byte) 0xC3;
        json[at + 1] = (byte) 0x28;

        assertThatThrownBy(() -> read(json)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("not valid JSON").hasMessageContaining("UTF-8");
    }

    @Test
    void aTenMegabyteLineIsRefusedAfterTheLimitWithoutBeingRead() {
        CountingStream huge = new CountingStream("{\"an\":2023,\"cui\":1,\"deni\":\"", 10L * 1024 * 1024);

        assertThatThrownBy(() -> reader.read(huge, "/bilant?an=2023&cui=1", item -> { }))
                .isInstanceOf(IOException.class).hasMessageStartingWith("not an ANAF answer").hasMessageContaining("exceeds");
        assertThat(huge.served).isLessThan(AnafBilantReader.MAX_DOCUMENT_BYTES + 64 * 1024);
    }

    @Test
    void anythingButAnObjectFailsTheDocument() {
        assertThatThrownBy(() -> read("[1,2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> read("{} {}")).hasMessageContaining("more content");
    }

    @Test
    void configuredRatesMustBeYearEqualsRate() {
        assertThatThrownBy(() -> EurRates.withOverrides(new String[] {"2025:5"})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025:5");
        assertThat(EurRates.withOverrides(new String[] {"2023=5.01"}).rate(2023)).isEqualByComparingTo("5.01");
        assertThat(EurRates.withOverrides(null).rate(2023)).isEqualByComparingTo("4.9465");
    }

    private List<Item> read(String json) throws IOException {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    private List<Item> read(byte[] json) throws IOException {
        List<Item> items = new ArrayList<>();
        reader.read(new ByteArrayInputStream(json), "/bilant?an=2023&cui=1", items::add);
        return items;
    }

    private static byte[] fixture(String name) {
        try (InputStream in = AnafBilantReaderTest.class.getResourceAsStream("/anaf/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T record(Item item, Class<T> type) {
        assertThat(item).isInstanceOf(Item.Accepted.class);
        return type.cast(((Item.Accepted) item).record());
    }

    /** A prefix followed by {@code size} letters, produced as it is read and never held whole. */
    static final class CountingStream extends InputStream {
        private final byte[] prefix;
        private final long size;
        long served;

        CountingStream(String prefix, long size) {
            this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = prefix.length + size - served;
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = served < prefix.length ? prefix[(int) served] : (byte) ('a' + served % 26);
                served++;
            }
            return n;
        }
    }
}
