package eu.danubia.connector.cz.ares.internal;

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

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.connector.sdk.Item;
import eu.danubia.connector.sdk.testing.Reading;

/**
 * The reader on the real ARES answer for IČO 26168685 (Seznam.cz, a.s.) from
 * {@code shared/data/registers/cz-ares}, and on variants of it built here.
 */
class AresReaderTest {

    static final Path FIXTURE = Path.of("../../../shared/data/registers/cz-ares/ekonomicke-subjekty-26168685.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final CompanyRecord SEZNAM = new CompanyRecord("cz-ares", "26168685", "Seznam.cz, a.s.", "Akciová společnost",
            List.of("46", "46.90", "58", "62.09", "63.12", "68.20", "69.20", "73", "73.12", "79"),
            "Radlická 3294/10", "Praha", "15000", "CZ", "CZ010", "ACTIVE", LocalDate.of(2000, 4, 5));

    private final AresReader reader = new AresReader();

    @Test
    void theSeznamAnswerYieldsItsNameAddressAndNaceCodes() throws IOException {
        List<Item> items = read(Files.readAllBytes(FIXTURE), "ekonomicke-subjekty/26168685");

        assertThat(items).containsExactly(new Item.Accepted(SEZNAM, "$"));
    }

    @Test
    void aSearchAnswerYieldsEverySubjectAndRejectsTheBadOnesAlone() throws IOException {
        ObjectNode seznam = seznam();
        ObjectNode withoutIco = seznam().without("ico");
        withoutIco.put("icoId", "ARES_1234");
        ObjectNode badDate = seznam();
        badDate.put("datumVzniku", "5.4.2000");
        ObjectNode answer = MAPPER.createObjectNode();
        // the list before the count: the reader must not depend on the order of the fields
        answer.set("ekonomickeSubjekty", MAPPER.createArrayNode().add(seznam).add(withoutIco).add(badDate).add(seznam));
        answer.put("pocetCelkem", 4);

        List<Item> items = read(MAPPER.writeValueAsBytes(answer), "vyhledat");

        assertThat(items).hasSize(4);
        assertThat(items.get(0)).isEqualTo(new Item.Accepted(SEZNAM, "$.ekonomickeSubjekty[0]"));
        assertThat(items.get(1)).isInstanceOfSatisfying(Item.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo("$.ekonomickeSubjekty[1]");
            assertThat(r.reason()).isEqualTo("no ico (subject without an IČO, icoId ARES_1234)");
            assertThat(r.payload()).contains("\"obchodniJmeno\":\"Seznam.cz, a.s.\"");
        });
        assertThat(items.get(2)).isInstanceOfSatisfying(Item.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo("$.ekonomickeSubjekty[2]");
            assertThat(r.reason()).isEqualTo("datumVzniku is not a date (yyyy-mm-dd): '5.4.2000'");
        });
        assertThat(items.get(3)).isEqualTo(new Item.Accepted(SEZNAM, "$.ekonomickeSubjekty[3]"));
    }

    @Test
    void aJsonArrayOfSubjectsIsReadToo() throws IOException {
        List<Item> items = read(MAPPER.writeValueAsBytes(MAPPER.createArrayNode().add(seznam()).add(seznam())), "drop.json");

        assertThat(items).extracting(Item::position).containsExactly("$[0]", "$[1]");
        assertThat(items).allMatch(i -> i instanceof Item.Accepted a && a.record().equals(SEZNAM));
    }

    @Test
    void aTruncatedDocumentFailsWhereTheParserStoppedAfterTheSubjectsBeforeIt() throws IOException {
        byte[] list = MAPPER.writeValueAsBytes(MAPPER.createObjectNode().put("pocetCelkem", 2)
                .set("ekonomickeSubjekty", MAPPER.createArrayNode().add(seznam()).add(seznam())));
        byte[] truncated = Arrays.copyOf(list, list.length - 300);
        List<Item> items = new ArrayList<>();

        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(truncated), "vyhledat", items::add))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("malformed JSON at /ekonomickeSubjekty/1")
                .hasMessageContaining("(line 1, column ")
                .hasMessageContaining("end-of-input");
        assertThat(items).containsExactly(new Item.Accepted(SEZNAM, "$.ekonomickeSubjekty[0]"));
    }

    @Test
    void aTruncatedSingleSubjectYieldsNothing() throws IOException {
        byte[] whole = Files.readAllBytes(FIXTURE);
        List<Item> items = new ArrayList<>();

        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(Arrays.copyOf(whole, 700)), "26168685", items::add))
                .isInstanceOf(IOException.class).hasMessageStartingWith("malformed JSON at /");
        assertThat(items).isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8RejectOnlyTheirSubject() throws IOException {
        // the same subject written in ISO-8859-2, as a misconfigured proxy or a hand-saved file does
        byte[] latin2 = seznam().toString().getBytes(Charset.forName("ISO-8859-2"));
        byte[] utf8 = seznam().toString().getBytes(StandardCharsets.UTF_8);
        byte[] document = Reading.jsonArray(latin2, utf8);

        List<Item> items = read(document, "drop.json");

        assertThat(items).hasSize(2);
        assertThat(items.get(0)).isInstanceOfSatisfying(Item.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo("$[0]");
            assertThat(r.reason()).isEqualTo("bytes that are not UTF-8 in $.sidlo.nazevStatu");
        });
        assertThat(items.get(1)).isEqualTo(new Item.Accepted(SEZNAM, "$[1]"));
    }

    @Test
    void aByteOrderMarkIsSkipped() throws IOException {
        byte[] withBom = Reading.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Files.readAllBytes(FIXTURE));

        assertThat(read(withBom, "bom.json")).containsExactly(new Item.Accepted(SEZNAM, "$"));
    }

    @Test
    void invalidFieldsAreRejectedWithTheirReason() throws IOException {
        assertThat(reason(seznam().without(List.of("ico", "icoId")))).isEqualTo("no ico");
        assertThat(single(seznam().without("ico"))).isEqualTo(SEZNAM);
        assertThat(reason(seznam().put("ico", "2616868"))).isEqualTo("ico is not 8 digits: '2616868'");
        assertThat(reason(seznam().put("obchodniJmeno", "  "))).isEqualTo("no obchodniJmeno");
        assertThat(reason(seznam().put("pravniForma", "a.s."))).isEqualTo("pravniForma is not 3 digits: 'a.s.'");
        ObjectNode badNace = seznam();
        ((ArrayNode) badNace.get("czNace")).add("62.01");
        assertThat(reason(badNace)).isEqualTo("not a CZ-NACE code: '62.01'");
        ObjectNode badPsc = seznam();
        ((ObjectNode) badPsc.get("sidlo")).put("psc", "15O00");
        assertThat(reason(badPsc)).isEqualTo("psc is not a whole number: \"15O00\"");
        assertThat(reason(MAPPER.createObjectNode().put("kod", "NENALEZENO").put("popis", "Subjekt nenalezen")))
                .isEqualTo("ARES error NENALEZENO: Subjekt nenalezen");
    }

    @Test
    void whatIsNotJsonFailsTheDocument() {
        byte[] html = "<!DOCTYPE html><html><body>Service Unavailable</body></html>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(html, "ekonomicke-subjekty/26168685"))
                .isInstanceOf(IOException.class).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> read(new byte[0], "empty")).isInstanceOf(IOException.class)
                .hasMessage("not an ARES answer (expected a JSON object or array, found nothing)");
        assertThatThrownBy(() -> read("{}{}".getBytes(StandardCharsets.UTF_8), "twice")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("content after the end of the JSON document");
    }

    @Test
    void theRev2CodesWinOverCzNace2025WhereAresGivesBoth() throws IOException {
        ObjectNode both = seznam();
        both.set("czNace2008", MAPPER.createArrayNode().add("62010"));
        both.set("czNace", MAPPER.createArrayNode().add("62100"));

        CompanyRecord record = single(both);

        assertThat(record.naceCodes()).containsExactly("62.01");
    }

    @Test
    void statusFollowsTheDateOfDissolutionAndThePrimaryRegister() throws IOException {
        assertThat(single(seznam().put("datumZaniku", "2024-01-31")).status()).isEqualTo("TERMINATED");
        ObjectNode closedInVr = seznam();
        ((ObjectNode) closedInVr.get("seznamRegistraci")).put("stavZdrojeVr", "ZANIKLY");
        assertThat(single(closedInVr).status()).isEqualTo("TERMINATED");
        ObjectNode nowhere = seznam();
        nowhere.set("seznamRegistraci", MAPPER.createObjectNode().put("stavZdrojeRes", "NEEXISTUJICI"));
        assertThat(single(nowhere).status()).isNull();
    }

    @Test
    void addressesWithoutStreetsForeignSeatsAndRegistrationNumbers() throws IOException {
        ObjectNode village = seznam();
        village.set("sidlo", MAPPER.createObjectNode().put("kodStatu", "CZ").put("kodKraje", 108).put("nazevObce", "Lhota")
                .put("nazevCastiObce", "Lhota").put("cisloDomovni", 12).put("typCisloDomovni", 2).put("psc", 58601));
        CompanyRecord lhota = single(village);
        assertThat(lhota.street()).isEqualTo("Lhota ev. č. 12");
        assertThat(lhota.postalCode()).isEqualTo("58601");
        assertThat(lhota.nutsCode()).isEqualTo("CZ063");

        ObjectNode foreign = seznam();
        foreign.set("sidlo", MAPPER.createObjectNode().put("kodStatu", "SK").put("nazevObce", "Bratislava")
                .put("textovaAdresa", "Karpatské námestie 10A, 83106 Bratislava").put("pscTxt", "831 06"));
        CompanyRecord abroad = single(foreign);
        assertThat(abroad.country()).isEqualTo("SK");
        assertThat(abroad.nutsCode()).isNull();
        assertThat(abroad.street()).isEqualTo("Karpatské námestie 10A, 83106 Bratislava");
        assertThat(abroad.postalCode()).isEqualTo("831 06");
    }

    private CompanyRecord single(JsonNode subject) throws IOException {
        return Reading.onlyRecord(read(MAPPER.writeValueAsBytes(subject), "t"), CompanyRecord.class);
    }

    private String reason(JsonNode subject) throws IOException {
        return Reading.onlyReason(read(MAPPER.writeValueAsBytes(subject), "t"));
    }

    private List<Item> read(byte[] document, String name) throws IOException {
        return Reading.read(reader, document, name);
    }

    private static ObjectNode seznam() throws IOException {
        return (ObjectNode) MAPPER.readTree(FIXTURE.toFile());
    }
}
