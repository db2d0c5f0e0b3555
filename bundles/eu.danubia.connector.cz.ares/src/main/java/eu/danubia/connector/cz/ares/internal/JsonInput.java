package eu.danubia.connector.cz.ares.internal;

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

/**
 * Streaming JSON input for the reader: one record in memory at a time, bytes that are not UTF-8
 * kept as U+FFFD so that only the record holding them is rejected, and syntax errors reported with
 * the place the parser reached.
 */
final class JsonInput {

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

    /**
     * Decodes UTF-8 with replacement instead of letting the parser fail on the first bad byte: a bad
     * byte inside one record's string must not cost the records after it.
     */
    static JsonParser open(InputStream in) throws IOException {
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

    /**
     * Reads the array the parser stands on (its {@code START_ARRAY} already consumed), one element
     * at a time.
     */
    static void eachElement(JsonParser parser, String path, ElementSink sink) throws IOException {
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonNode element = MAPPER.readTree(parser);
            sink.accept(element, path + "[" + index++ + "]");
        }
    }

    @FunctionalInterface
    interface ElementSink {
        void accept(JsonNode element, String path);
    }

    /**
     * Fails when anything but whitespace follows the document: two documents glued together are a
     * broken download, not more data.
     */
    static void expectEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new IOException("content after the end of the JSON document" + at(parser.currentLocation()));
        }
    }

    /** The document as a whole is unreadable from here on: where the parser stopped and why. */
    static IOException malformed(JsonParser parser, JsonProcessingException e) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        return new IOException("malformed JSON at " + (pointer.isEmpty() ? "/" : pointer)
                + at(e.getLocation()) + ": " + e.getOriginalMessage(), e);
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The path of the first field name or string value holding U+FFFD, the mark of a byte that was not UTF-8; else null. */
    static String undecodable(JsonNode node, String path) {
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

    /** A trimmed text value, or null when absent, JSON null or blank. Numbers are returned as their text. */
    static String text(JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
