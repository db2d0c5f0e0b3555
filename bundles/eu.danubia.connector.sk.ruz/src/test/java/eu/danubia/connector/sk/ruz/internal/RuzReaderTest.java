package eu.danubia.connector.sk.ruz.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.connector.sdk.Item;
import eu.danubia.connector.sdk.testing.Reading;

/**
 * The reader on the real registeruz.sk answers in {@code shared/data/registers/sk-ruz} (recorded by
 * redrick/registeruz), and on variants of them built here.
 */
class RuzReaderTest {

    static final Path DATA = Path.of("../../../shared/data/registers/sk-ruz");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** {@code uctovna-jednotka?id=1689373} (subject__find_success.json). */
    static final CompanyRecord UOL = new CompanyRecord("sk-ruz", "50826042", "UOL SK s.r.o.", "Spol. s r. o.", List.of("69.20"),
            "Karpatské námestie 10A", "Bratislava - mestská časť Rača", "83106", "SK", "SK010", "ACTIVE", LocalDate.of(2017, 4, 12));

    /** {@code uctovna-jednotka?id=442175} (models__financial_statement__additional.json). */
    static final CompanyRecord MINISTRY = new CompanyRecord("sk-ruz", "30845572", "Ministerstvo obrany Slovenskej republiky",
            "Rozpočtová organizácia", List.of("84.22"), "Kutuzovova 8", "Bratislava - mestská časť Nové Mesto", "83247", "SK",
            "SK010", "ACTIVE", LocalDate.of(1993, 1, 1));

    private final RuzReader reader = new RuzReader();

    @Test
    void theRecordedAccountingUnitsBecomeCompanies() throws IOException {
        assertThat(read(bytes("subject__find_success.json"), "uctovna-jednotka?id=1689373"))
                .containsExactly(new Item.Accepted(UOL, "$"));
        assertThat(read(bytes("models__financial_statement__additional.json"), "uctovna-jednotka?id=442175"))
                .containsExactly(new Item.Accepted(MINISTRY, "$"));
    }

    @Test
    void aFinancialStatementIsRejectedBecauseItCarriesNoFigures() throws IOException {
        List<Item> items = read(bytes("financial_statement__find_success.json"), "uctovna-zavierka?id=1");

        assertThat(items).singleElement().isInstanceOfSatisfying(Item.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo("$");
            assertThat(r.reason()).startsWith("a financial statement (uctovna-zavierka), not an accounting unit");
            assertThat(r.payload()).contains("\"idUctovnychVykazov\":[1,2]");
        });
    }

    @Test
    void anArrayOfUnitsIsReadAndTheBadOnesAreRejectedAlone() throws IOException {
        ObjectNode noIco = unit("subject__find_success.json").without("ico");
        ObjectNode badNace = unit("subject__find_success.json").put("skNace", "6920");
        byte[] document = MAPPER.writeValueAsBytes(MAPPER.createArrayNode().add(unit("subject__find_success.json")).add(noIco)
                .add(badNace).add(unit("models__financial_statement__additional.json")));

        List<Item> items = read(document, "drop.json");

        assertThat(items).hasSize(4);
        assertThat(items.get(0)).isEqualTo(new Item.Accepted(UOL, "$[0]"));
        assertThat(items.get(1)).isEqualTo(new Item.Rejected("$[1]", noIco.toString(), "no ico"));
        assertThat(items.get(2)).isEqualTo(new Item.Rejected("$[2]", badNace.toString(),
                "skNace is not a 5-digit SK NACE code: '6920'"));
        assertThat(items.get(3)).isEqualTo(new Item.Accepted(MINISTRY, "$[3]"));
    }

    @Test
    void aTruncatedDocumentFailsWhereTheParserStoppedAfterTheUnitsBeforeIt() throws IOException {
        byte[] document = MAPPER.writeValueAsBytes(MAPPER.createArrayNode().add(unit("subject__find_success.json"))
                .add(unit("models__financial_statement__additional.json")));
        byte[] truncated = Arrays.copyOf(document, document.length - 40);
        List<Item> items = new ArrayList<>();

        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(truncated), "drop.json", items::add))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("malformed JSON at /1")
                .hasMessageContaining("end-of-input");
        assertThat(items).containsExactly(new Item.Accepted(UOL, "$[0]"));
    }

    @Test
    void bytesThatAreNotUtf8RejectOnlyTheirUnit() throws IOException {
        byte[] cp1250 = unit("subject__find_success.json").toString().getBytes(Charset.forName("windows-1250"));
        byte[] utf8 = unit("models__financial_statement__additional.json").toString().getBytes(StandardCharsets.UTF_8);
        byte[] document = Reading.jsonArray(cp1250, utf8);

        List<Item> items = read(document, "drop.json");

        assertThat(items).hasSize(2);
        assertThat(items.get(0)).isInstanceOfSatisfying(Item.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo("bytes that are not UTF-8 in $.mesto"));
        assertThat(items.get(1)).isEqualTo(new Item.Accepted(MINISTRY, "$[1]"));
    }

    @Test
    void invalidFieldsAreRejectedWithTheirReason() throws IOException {
        assertThat(reason(unit("subject__find_success.json").put("ico", "5082604"))).isEqualTo("ico is not 8 digits: '5082604'");
        assertThat(reason(unit("subject__find_success.json").without("nazovUJ"))).isEqualTo("no nazovUJ");
        assertThat(reason(unit("subject__find_success.json").put("datumZalozenia", "12.04.2017")))
                .isEqualTo("datumZalozenia is not a date (yyyy-mm-dd): '12.04.2017'");
        assertThat(reason(unit("subject__find_success.json").put("kraj", "9").put("okres", "901")))
                .isEqualTo("seat abroad (kraj 9, Zahraničie): the register does not say in which country");
        assertThat(reason(unit("subject__find_success.json").put("kraj", "0"))).isEqualTo("not a kraj code of the register: '0'");
        assertThat(reason(MAPPER.createObjectNode().put("id", 5).put("zmazany", true))).isEqualTo("deleted in the register (zmazany)");
    }

    @Test
    void regionFromTheDistrictWhenTheKrajIsMissingStatusFromTheDateOfDissolution() throws IOException {
        CompanyRecord kosice = single(unit("subject__find_success.json").<ObjectNode>without("kraj").put("okres", "802")
                .put("psc", "040 01").put("datumZrusenia", "2020-06-30"));

        assertThat(kosice.nutsCode()).isEqualTo("SK042");
        assertThat(kosice.postalCode()).isEqualTo("04001");
        assertThat(kosice.status()).isEqualTo("TERMINATED");
        assertThat(single(unit("subject__find_success.json").without(List.of("kraj", "okres"))).nutsCode()).isNull();
    }

    @Test
    void aLegalFormTheCodeListDoesNotKnowStaysItsCode() throws IOException {
        assertThat(single(unit("subject__find_success.json").put("pravnaForma", "999")).legalForm()).isEqualTo("999");
        assertThat(single(unit("subject__find_success.json").put("pravnaForma", "121")).legalForm()).isEqualTo("Akc. spol.");
    }

    @Test
    void anIdListOrAnythingButJsonFailsTheDocument() {
        assertThatThrownBy(() -> read("{\"id\":[1689373],\"pocetZostavajucichId\":0}".getBytes(StandardCharsets.UTF_8), "ids"))
                .isInstanceOf(IOException.class).hasMessage("a list of ids (uctovne-jednotky), not accounting units");
        assertThatThrownBy(() -> read("<html>Stránka nebola nájdená</html>".getBytes(StandardCharsets.UTF_8), "test"))
                .isInstanceOf(IOException.class).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> read(new byte[0], "empty")).isInstanceOf(IOException.class).hasMessageContaining("found nothing");
    }

    @Test
    void theRecordedIdPagesParse() throws IOException {
        // uctovne-zavierky?max-zaznamov=2&zmenene-od=1993-01-01, as recorded in the cassette
        RuzIdPage page = RuzIdPage.parse(new ByteArrayInputStream(recordedBody("financial_statement__where_success.yml")));
        assertThat(page).isEqualTo(new RuzIdPage(List.of(1L, 3L), 1_512_332));
        assertThat(page.hasMore()).isTrue();

        RuzIdPage last = RuzIdPage.parse(new ByteArrayInputStream("{\"id\":[1689373],\"pocetZostavajucichId\":0}".getBytes(StandardCharsets.UTF_8)));
        assertThat(last.hasMore()).isFalse();
        assertThat(RuzIdPage.parse(new ByteArrayInputStream("{\"id\":[],\"existujeDalsieId\":false}".getBytes(StandardCharsets.UTF_8))).hasMore()).isFalse();
        assertThatThrownBy(() -> RuzIdPage.parse(new ByteArrayInputStream("{\"id\":[\"x\"]}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class).hasMessage("not a RUZ id: \"x\"");
    }

    /** The first one-line JSON body of an id list in a VCR cassette. */
    private static byte[] recordedBody(String cassette) throws IOException {
        Matcher m = Pattern.compile("string: '(\\{\"id\":\\[[^']*)'").matcher(Files.readString(DATA.resolve("cassettes").resolve(cassette)));
        assertThat(m.find()).isTrue();
        return m.group(1).getBytes(StandardCharsets.UTF_8);
    }

    private CompanyRecord single(JsonNode unit) throws IOException {
        return Reading.onlyRecord(read(MAPPER.writeValueAsBytes(unit), "t"), CompanyRecord.class);
    }

    private String reason(JsonNode unit) throws IOException {
        return Reading.onlyReason(read(MAPPER.writeValueAsBytes(unit), "t"));
    }

    private List<Item> read(byte[] document, String name) throws IOException {
        return Reading.read(reader, document, name);
    }

    private static byte[] bytes(String file) throws IOException {
        return Files.readAllBytes(DATA.resolve(file));
    }

    private static ObjectNode unit(String file) throws IOException {
        return (ObjectNode) MAPPER.readTree(DATA.resolve(file).toFile());
    }
}
