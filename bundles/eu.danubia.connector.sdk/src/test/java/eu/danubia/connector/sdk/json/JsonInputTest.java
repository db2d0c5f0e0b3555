package eu.danubia.connector.sdk.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.danubia.connector.sdk.testing.Reading;

/**
 * {@link JsonInput} on the two real EDR records of {@code ../shared/data/registers/ua-edr/edr_sample.json} and the
 * real ARES answer in {@code ../shared/data/registers/cz-ares}, and on broken variants of them.
 */
class JsonInputTest {

    private static final Path DATA = Path.of(System.getProperty("danubia.shared.data", "../../../shared/data"))
            .resolve("registers");
    private static final Path EDR = DATA.resolve("ua-edr/edr_sample.json");
    private static final Path ARES = DATA.resolve("cz-ares/ekonomicke-subjekty-26168685.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a reader of arrays or single objects sees: each element or the object with its path, and unmappable reasons. */
    private record Seen(String path, String edrpou, String unmappable) {
    }

    @Test
    void anArrayIsReadAnElementAtATimeWithItsPath() throws IOException {
        assertThat(read(Files.readAllBytes(EDR))).containsExactly(
                new Seen("$[0]", "38949117", null),
                new Seen("$[1]", "44660866", null));
    }

    @Test
    void aByteOrderMarkIsSkippedAndTheDocumentMayBeOneObject() throws IOException {
        byte[] withBom = Reading.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Files.readAllBytes(ARES));
        List<JsonNode> objects = new ArrayList<>();

        JsonInput.read(new ByteArrayInputStream(withBom), (parser, first) -> {
            assertThat(first).isEqualTo(JsonToken.START_OBJECT);
            objects.add(JsonInput.readTree(parser));
        });

        assertThat(objects).singleElement().satisfies(o -> {
            assertThat(JsonInput.text(o, "ico")).isEqualTo("26168685");
            assertThat(JsonInput.unmappable(o)).isNull();
        });
    }

    @Test
    void bytesThatAreNotUtf8MarkOnlyTheirRecord() throws IOException {
        byte[] cp1251 = record(0).toString().getBytes(Charset.forName("windows-1251"));
        byte[] utf8 = record(1).toString().getBytes(StandardCharsets.UTF_8);

        assertThat(read(Reading.jsonArray(cp1251, utf8))).containsExactly(
                new Seen("$[0]", "38949117", "bytes that are not UTF-8 in $.ACTIVITY_KINDS.ACTIVITY_KIND[0].NAME"),
                new Seen("$[1]", "44660866", null));
    }

    @Test
    void aTruncatedDocumentFailsWhereTheParserStoppedAfterTheRecordsBeforeIt() throws IOException {
        byte[] whole = Files.readAllBytes(EDR);
        List<Seen> seen = new ArrayList<>();

        assertThatThrownBy(() -> read(Arrays.copyOf(whole, whole.length - 200), seen))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("malformed JSON at /1/")
                .hasMessageContaining("(line ")
                .hasMessageContaining("end-of-input");
        assertThat(seen).extracting(Seen::path).containsExactly("$[0]");
    }

    @Test
    void whatFollowsTheDocumentOrBreaksTheLimitsFailsIt() {
        assertThatThrownBy(() -> read("[] []".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessage("content after the end of the JSON document (line 1, column 5)");
        byte[] huge = ("[{\"EDRPOU\":\"" + "1".repeat(2 * 1024 * 1024) + "\"}]").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(huge)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("malformed JSON at /0/EDRPOU").hasMessageContaining("String value length");
        byte[] deep = ("[" + "[".repeat(100) + "]".repeat(100) + "]").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(deep)).isInstanceOf(IOException.class).hasMessageContaining("nesting depth");
    }

    @Test
    void anEmptyDocumentGivesNoFirstToken() throws IOException {
        List<JsonToken> first = new ArrayList<>();

        JsonInput.read(new ByteArrayInputStream(new byte[0]), (parser, token) -> first.add(token));

        assertThat(first).containsExactly((JsonToken) null);
    }

    @Test
    void textIsTrimmedAndBlankOrStructuredValuesAreNone() throws IOException {
        JsonNode node = JSON.readTree("{\"a\":\"  x \",\"b\":\" \",\"c\":null,\"d\":{},\"e\":42}");

        assertThat(JsonInput.text(node, "a")).isEqualTo("x");
        assertThat(JsonInput.text(node, "b")).isNull();
        assertThat(JsonInput.text(node, "c")).isNull();
        assertThat(JsonInput.text(node, "d")).isNull();
        assertThat(JsonInput.text(node, "e")).isEqualTo("42");
        assertThat(JsonInput.text(node, "missing")).isNull();
        assertThat(JsonInput.text(null, "a")).isNull();
        assertThat(JsonInput.unmappable(JSON.readTree("[1]"))).isEqualTo("not a JSON object");
        assertThat(JsonInput.unmappable(JSON.createObjectNode().put("k\uFFFDy", 1))).isEqualTo("bytes that are not UTF-8 in $.k\uFFFDy");
    }

    private static List<Seen> read(byte[] document) throws IOException {
        List<Seen> seen = new ArrayList<>();
        read(document, seen);
        return seen;
    }

    private static void read(byte[] document, List<Seen> seen) throws IOException {
        JsonInput.read(new ByteArrayInputStream(document), (parser, first) -> {
            assertThat(first).isEqualTo(JsonToken.START_ARRAY);
            JsonInput.eachElement(parser, "$", (element, path) ->
                    seen.add(new Seen(path, JsonInput.text(element, "EDRPOU"), JsonInput.unmappable(element))));
        });
    }

    private static ObjectNode record(int index) throws IOException {
        return (ObjectNode) ((ArrayNode) JSON.readTree(EDR.toFile())).get(index);
    }
}
