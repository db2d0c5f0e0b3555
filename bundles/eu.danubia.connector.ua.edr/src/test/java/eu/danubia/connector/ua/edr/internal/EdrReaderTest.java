package eu.danubia.connector.ua.edr.internal;

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
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.connector.sdk.Item;
import eu.danubia.connector.sdk.testing.Reading;

/** The reader on the two real EDR records of {@code shared/data/registers/ua-edr/edr_sample.json}, and variants. */
class EdrReaderTest {

    static final Path FIXTURE = Path.of("../../../shared/data/registers/ua-edr/edr_sample.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final CompanyRecord PARUS = new CompanyRecord("ua-edr", "38949117",
            "ТОВАРИСТВО З ОБМЕЖЕНОЮ ВІДПОВІДАЛЬНІСТЮ \"ПАРУС-ІФ\"", "ТОВАРИСТВО З ОБМЕЖЕНОЮ ВІДПОВІДАЛЬНІСТЮ",
            List.of("41.10", "43.11", "43.12", "43.31", "43.32", "43.91", "43.99", "41.20"),
            "ВУЛИЦЯ ЄВГЕНА КОНОВАЛЬЦЯ, будинок 35", "Івано-Франківськ", "76018", "UA", null, "TERMINATED",
            LocalDate.of(2013, 10, 24));

    static final CompanyRecord ACADEMY = new CompanyRecord("ua-edr", "44660866",
            "ТОВАРИСТВО З ОБМЕЖЕНОЮ ВІДПОВІДАЛЬНІСТЮ \"МІЖНАРОДНА АКАДЕМІЯ СУЧАСНОЇ МЕДИЧНОЇ ОСВІТИ\"",
            "ТОВАРИСТВО З ОБМЕЖЕНОЮ ВІДПОВІДАЛЬНІСТЮ",
            List.of("82.30", "58.14", "63.11", "63.12", "70.21", "73.11", "73.20", "74.90", "84.21", "85.59", "85.60", "96.09"),
            "пров.Куренівський, будинок 17", "Київ", "04073", "UA", null, "ACTIVE", LocalDate.of(2022, 2, 16));

    private final EdrReader reader = new EdrReader();

    @Test
    void theTwoRealRecordsWithTheMainActivityFirst() throws IOException {
        assertThat(read(Files.readAllBytes(FIXTURE), "edr_sample.json")).containsExactly(
                new Item.Accepted(PARUS, "$[0]"),
                new Item.Accepted(ACADEMY, "$[1]"));
    }

    @Test
    void badRecordsAreRejectedAloneAndReadingGoesOn() throws IOException {
        ArrayNode sample = sample();
        ObjectNode noCode = record(0).without("EDRPOU");
        ObjectNode oldKved = record(1);
        ((ObjectNode) oldKved.get("ACTIVITY_KINDS").get("ACTIVITY_KIND").get(0)).put("CODE", "74.84.0");
        ArrayNode document = MAPPER.createArrayNode().add(noCode).add(sample.get(0)).add(oldKved).add(sample.get(1));

        List<Item> items = read(MAPPER.writeValueAsBytes(document), "drop.json");

        assertThat(items).containsExactly(
                new Item.Rejected("$[0]", noCode.without(EdrReader.PERSONAL).toString(), "no EDRPOU"),
                new Item.Accepted(PARUS, "$[1]"),
                new Item.Rejected("$[2]", oldKved.without(EdrReader.PERSONAL).toString(), "not a KVED-2010 class: '74.84.0'"),
                new Item.Accepted(ACADEMY, "$[3]"));
        // founders, beneficiaries, signers and contacts are private persons: not kept with a dead letter
        assertThat(((Item.Rejected) items.get(0)).payload()).contains("ПАРУС-ІФ").doesNotContain("ЛУЦЬКИЙ", "КУШНІР", "МЕЛЬНИЧОК", "+380342715400");
    }

    @Test
    void aTruncatedDownloadFailsWhereTheParserStoppedAfterTheRecordsBeforeIt() throws IOException {
        String whole = Files.readString(FIXTURE);
        // cut inside the second record's activity list
        String truncated = whole.substring(0, whole.indexOf("\"CODE\": \"70.21\""));
        List<Item> items = new ArrayList<>();

        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(truncated.getBytes(StandardCharsets.UTF_8)), "edr.json", items::add))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("malformed JSON at /1/ACTIVITY_KINDS/ACTIVITY_KIND/")
                .hasMessageContaining("line ")
                .hasMessageContaining("end-of-input");
        assertThat(items).containsExactly(new Item.Accepted(PARUS, "$[0]"));
    }

    @Test
    void aRecordInAnotherEncodingIsRejectedAlone() throws IOException {
        // the first record as windows-1251, the encoding of older Ukrainian exports
        byte[] cp1251 = record(0).toString().getBytes(Charset.forName("windows-1251"));
        byte[] utf8 = record(1).toString().getBytes(StandardCharsets.UTF_8);
        byte[] document = Reading.jsonArray(cp1251, utf8);

        List<Item> items = read(document, "drop.json");

        assertThat(items).hasSize(2);
        assertThat(items.get(0)).isInstanceOfSatisfying(Item.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo("$[0]");
            assertThat(r.reason()).isEqualTo("bytes that are not UTF-8 in $.ACTIVITY_KINDS.ACTIVITY_KIND[0].NAME");
        });
        assertThat(items.get(1)).isEqualTo(new Item.Accepted(ACADEMY, "$[1]"));
    }

    @Test
    void invalidFieldsAreRejectedWithTheirReason() throws IOException {
        assertThat(reason(record(0).put("EDRPOU", "3894911"))).isEqualTo("EDRPOU is not 8 digits: '3894911'");
        assertThat(reason(record(0).put("EDRPOU", "3894911A"))).isEqualTo("EDRPOU is not 8 digits: '3894911A'");
        assertThat(reason(record(0).putNull("NAME"))).isEqualTo("no NAME");
        assertThat(reason(record(0).put("REGISTRATION", "31.02.2013; 24.10.2013; 11191020000012682")))
                .isEqualTo("REGISTRATION does not begin with a date (dd.mm.yyyy): '31.02.2013; 24.10.2013; 11191020000012682'");
        assertThat(reason(MAPPER.createArrayNode().add(1))).isEqualTo("not a JSON object");
    }

    @Test
    void aCodeWithoutLeadingZerosAsANumberIsPaddedBack() throws IOException {
        assertThat(single(record(0).put("EDRPOU", 32129)).nationalId()).isEqualTo("00032129");
    }

    @Test
    void aSingleActivityGivenAsAnObjectIsRead() throws IOException {
        ObjectNode one = record(1);
        ((ObjectNode) one.get("ACTIVITY_KINDS")).set("ACTIVITY_KIND",
                MAPPER.createObjectNode().put("CODE", "62.01").put("NAME", "Комп'ютерне програмування").put("PRIMARY", "так"));

        assertThat(single(one).naceCodes()).containsExactly("62.01");
        assertThat(single(record(1).putNull("ACTIVITY_KINDS")).naceCodes()).isEmpty();
    }

    @Test
    void theRegistersStates() throws IOException {
        assertThat(single(record(0).put("STAN", "в стані припинення")).status()).isEqualTo("TERMINATING");
        assertThat(single(record(0).put("STAN", "порушено справу про банкрутство (санація)")).status()).isEqualTo("INSOLVENT");
        assertThat(single(record(0).put("STAN", "зареєстровано, свідоцтво про державну реєстрацію недійсне")).status()).isEqualTo("ACTIVE");
        assertThat(single(record(0).put("STAN", "щось нове")).status()).isNull();
    }

    @Test
    void whatIsNotJsonFailsTheDocument() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><DATA/>".getBytes(StandardCharsets.UTF_8), "uo.xml"))
                .isInstanceOf(IOException.class).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> read("\"x\"".getBytes(StandardCharsets.UTF_8), "s"))
                .isInstanceOf(IOException.class).hasMessage("not EDR records (expected a JSON array or object, found VALUE_STRING)");
    }

    @Test
    void aValueOfMegabytesFailsTheDocumentInsteadOfFillingTheMemory() throws IOException {
        byte[] huge = MAPPER.writeValueAsBytes(MAPPER.createArrayNode().add(record(0).put("NAME", "А".repeat(2 * 1024 * 1024))));

        assertThatThrownBy(() -> read(huge, "huge.json")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("malformed JSON at /0/NAME").hasMessageContaining("String value length");
    }

    private CompanyRecord single(JsonNode record) throws IOException {
        return Reading.onlyRecord(read(MAPPER.writeValueAsBytes(record), "t"), CompanyRecord.class);
    }

    private String reason(JsonNode record) throws IOException {
        return Reading.onlyReason(read(MAPPER.writeValueAsBytes(MAPPER.createArrayNode().add(record)), "t"));
    }

    private List<Item> read(byte[] document, String name) throws IOException {
        return Reading.read(reader, document, name);
    }

    private static ArrayNode sample() throws IOException {
        return (ArrayNode) MAPPER.readTree(FIXTURE.toFile());
    }

    private static ObjectNode record(int index) throws IOException {
        return (ObjectNode) sample().get(index);
    }
}
