package eu.danubia.connector.sdk.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import eu.danubia.connector.sdk.Item;

/** The reader alone: bytes in, items out, no Camel and no store. */
class CompanyCsvReaderTest {

    private final CompanyCsvReader reader = new CompanyCsvReader(CompanyCsvRoutes.ID);

    @Test
    void readsEveryCompanyOfTheFixture() throws IOException {
        List<Item> items = read(getClass().getResourceAsStream("companies.csv"));

        assertThat(items).containsExactly(
                new Item.Accepted(CompanyCsvConnectorTest.SEZNAM, "line 2"),
                new Item.Accepted(CompanyCsvConnectorTest.UOL, "line 3"),
                new Item.Accepted(CompanyCsvConnectorTest.PARUS, "line 4"),
                new Item.Accepted(CompanyCsvConnectorTest.ACADEMY, "line 5"));
    }

    @Test
    void aBadRowCostsOnlyThatRow() throws IOException {
        List<Item> items = read(getClass().getResourceAsStream("companies-with-errors.csv"));

        assertThat(items).hasSize(4);
        assertThat(items.get(0)).isEqualTo(new Item.Accepted(CompanyCsvConnectorTest.SEZNAM, "line 2"));
        assertThat(items.get(1)).isInstanceOfSatisfying(Item.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo("line 3");
            assertThat(r.reason()).isEqualTo("founded_on: '2017-02-30' is not a date (YYYY-MM-DD)");
        });
        // the unbalanced quote of the ONRC row does not swallow the rows after it
        assertThat(items.get(2)).isInstanceOfSatisfying(Item.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo("line 4");
            assertThat(r.payload()).isEqualTo("\"LEMNLIND\" SRL;13735411;J14/33/2001");
            assertThat(r.reason()).isEqualTo("expected 10 fields separated by ';', found 3");
        });
        assertThat(items.get(3)).isEqualTo(new Item.Accepted(CompanyCsvConnectorTest.UOL, "line 5"));
    }

    @Test
    void aFileOfAnotherFormatFailsAsAWhole() {
        byte[] json = "{\"ico\":\"26168685\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(new ByteArrayInputStream(json)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the first line must be country;national_id;");
    }

    private List<Item> read(InputStream in) throws IOException {
        List<Item> items = new ArrayList<>();
        try (in) {
            reader.read(in, "companies.csv", items::add);
        }
        return items;
    }
}
