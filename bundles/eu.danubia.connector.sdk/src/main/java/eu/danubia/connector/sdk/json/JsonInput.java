package eu.danubia.connector.sdk.json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Streaming JSON input for {@link eu.danubia.connector.sdk.SourceReader}s: one record in memory at a time, bytes
 * that are not UTF-8 kept as U+FFFD so that only the record holding them is rejected, and syntax errors reported
 * with the place the parser reached.
 *
 * <p>A reader of a document that is a JSON array of records, or one record:
 * <pre>
 * JsonInput.read(in, (parser, first) -&gt; {
 *     if (first == JsonToken.START_ARRAY) {
 *         JsonInput.eachElement(parser, "$", (record, path) -&gt; emit(record, path, sink));
 *     } else if (first == JsonToken.START_OBJECT) {
 *         emit(JsonInput.readTree(parser), "$", sink);
 *     } else {
 *         throw new IOException("not a register export (expected a JSON array or object, found " + first + ")");
 *     }
 * });
 * </pre>
 * and in the mapping of one record, first {@link #unmappable(JsonNode)}, then {@link #text(JsonNode, String)} for
 * its fields.
 */
public final class JsonInput {

    /**
     * No limit on the document's length (a register dump is gigabytes, read a record at a time), but on
     * what one record may hold: a single value of megabytes or a deep nesting is a broken or hostile
     * file, not a company.
     */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(1024 * 1024)
                    .maxNumberLength(100)
                    .maxNestingDepth(64)
                    .build())
            .build());

    private JsonInput() {
    }

    /** Reads one JSON document, given the token it starts with. */
    @FunctionalInterface
    public interface DocumentHandler {
        /**
         * @param parser standing on {@code first}; read the value it starts (e.g. with
         *               {@link JsonInput#eachElement} or {@link JsonInput#readTree(JsonParser)}) and return
         * @param first  the document's first token, {@code null} when the document is empty
         * @throws IOException when the document is not what the reader reads; the document fails as a whole
         */
        void read(JsonParser parser, JsonToken first) throws IOException;
    }

    /** Receives one element of an array. */
    @FunctionalInterface
    public interface ElementSink {
        /**
         * @param path the element's position, e.g. {@code $[3]} or {@code $.ekonomickeSubjekty[3]}
         */
        void accept(JsonNode element, String path);
    }

    /**
     * Reads one JSON document from {@code in}: decodes UTF-8 leniently (see above), drops a byte-order mark, hands
     * the first token to {@code handler}, and then checks that nothing but whitespace follows the document.
     *
     * @throws IOException when the handler refuses the document; when the JSON is malformed (a truncated
     *                     download), with the JSON pointer and the line and column where the parser stopped
     *                     ({@code malformed JSON at /1/NAME (line 1, column 80): ...}), after the records before
     *                     it were handed on; when a value breaks the limits (1 MiB strings, 100-digit numbers,
     *                     nesting 64 deep); or when content follows the document (two documents glued together
     *                     are a broken download, not more data)
     */
    public static void read(InputStream in, DocumentHandler handler) throws IOException {
        try (JsonParser parser = open(in)) {
            try {
                handler.read(parser, parser.nextToken());
                expectEnd(parser);
            } catch (JsonProcessingException e) {
                throw malformed(parser, e);
            }
        }
    }

    /**
     * Reads the array the parser stands on (its {@code START_ARRAY} already consumed), one element
     * at a time.
     *
     * @param path the array's own position; element {@code i} is at {@code path[i]}
     */
    public static void eachElement(JsonParser parser, String path, ElementSink sink) throws IOException {
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonNode element = MAPPER.readTree(parser);
            sink.accept(element, path + "[" + index++ + "]");
        }
    }

    /** The value the parser stands on, as a tree, within the limits above; null at the end of the input. */
    public static JsonNode readTree(JsonParser parser) throws IOException {
        return MAPPER.readTree(parser);
    }

    /**
     * A whole small document (a code list, one answer) as a tree, within the limits above. Its bytes are decoded
     * by the parser itself, strictly: for register dumps use {@link #read(InputStream, DocumentHandler)}.
     */
    public static JsonNode readTree(InputStream in) throws IOException {
        return MAPPER.readTree(in);
    }

    /** JSON text, e.g. from configuration, as a tree, within the limits above. */
    public static JsonNode readTree(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    /** An empty object, to collect fields into. */
    public static ObjectNode objectNode() {
        return MAPPER.createObjectNode();
    }

    /**
     * Why an element cannot be mapped to a record at all, in words for the dead letter: {@code not a JSON object},
     * or {@code bytes that are not UTF-8 in $.sidlo.nazevObce} (the path of the first field name or string holding
     * U+FFFD, the mark {@link #read} leaves for a byte that was not UTF-8); null when it can be mapped.
     */
    public static String unmappable(JsonNode record) {
        if (!record.isObject()) {
            return "not a JSON object";
        }
        String undecodable = undecodable(record, "$");
        return undecodable == null ? null : "bytes that are not UTF-8 in " + undecodable;
    }

    /** A trimmed text value, or null when absent, JSON null or blank. Numbers are returned as their text. */
    public static String text(JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * Decodes UTF-8 with replacement instead of letting the parser fail on the first bad byte: a bad
     * byte inside one record's string must not cost the records after it.
     */
    private static JsonParser open(InputStream in) throws IOException {
        Reader decoded = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        PushbackReader reader = new PushbackReader(new BufferedReader(decoded, 16 * 1024), 1);
        int first = reader.read();
        // Jackson skips a byte-order mark only when it decodes the bytes itself
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return MAPPER.getFactory().createParser(reader);
    }

    private static void expectEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new IOException("content after the end of the JSON document" + at(parser.currentLocation()));
        }
    }

    /** The document as a whole is unreadable from here on: where the parser stopped and why. */
    private static IOException malformed(JsonParser parser, JsonProcessingException e) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        return new IOException("malformed JSON at " + (pointer.isEmpty() ? "/" : pointer)
                + at(e.getLocation()) + ": " + e.getOriginalMessage(), e);
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String undecodable(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\uFFFD') >= 0 ? path : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = undecodable(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String here = path + "." + field.getKey();
                if (field.getKey().indexOf('\uFFFD') >= 0) {
                    return here;
                }
                String found = undecodable(field.getValue(), here);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
