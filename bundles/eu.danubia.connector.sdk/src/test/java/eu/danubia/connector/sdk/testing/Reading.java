package eu.danubia.connector.sdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import eu.danubia.connector.sdk.Item;
import eu.danubia.connector.sdk.SourceReader;

/**
 * For a reader's own test (bytes in, items out; no Camel, no store): read a document, pick its records or
 * rejections out of the items, and build documents from parts, e.g. one record in another encoding between good
 * ones.
 *
 * <pre>{@code
 * List<Item> items = Reading.read(new AresReader(), Reading.jsonArray(latin2, utf8), "drop.json");
 * CompanyRecord seznam = Reading.onlyRecord(Reading.read(reader, bytes, "t"), CompanyRecord.class);
 * }</pre>
 */
public final class Reading {

    private Reading() {
    }

    /** Everything {@code reader} gives for {@code document}, in order. */
    public static List<Item> read(SourceReader reader, byte[] document, String name) throws IOException {
        List<Item> items = new ArrayList<>();
        reader.read(new ByteArrayInputStream(document), name, items::add);
        return items;
    }

    /** The record of the only item, which must be accepted and a {@code type}. */
    public static <T> T onlyRecord(List<Item> items, Class<T> type) {
        assertThat(items).singleElement().isInstanceOf(Item.Accepted.class);
        Object record = ((Item.Accepted) items.get(0)).record();
        assertThat(record).isInstanceOf(type);
        return type.cast(record);
    }

    /** The reason of the only item, which must be rejected. */
    public static String onlyReason(List<Item> items) {
        assertThat(items).singleElement().isInstanceOf(Item.Rejected.class);
        return ((Item.Rejected) items.get(0)).reason();
    }

    /** The accepted records that are a {@code type}, in order. */
    public static <T> List<T> records(List<Item> items, Class<T> type) {
        return items.stream().filter(Item.Accepted.class::isInstance).map(i -> ((Item.Accepted) i).record())
                .filter(type::isInstance).map(type::cast).toList();
    }

    /** The rejected items, in order. */
    public static List<Item.Rejected> rejected(List<Item> items) {
        return items.stream().filter(Item.Rejected.class::isInstance).map(Item.Rejected.class::cast).toList();
    }

    /** The parts one after the other. */
    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** A JSON array of the elements exactly as given, byte for byte: {@code [e1,e2]}. */
    public static byte[] jsonArray(byte[]... elements) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(new byte[] {'['});
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                parts.add(new byte[] {','});
            }
            parts.add(elements[i]);
        }
        parts.add(new byte[] {']'});
        return concat(parts.toArray(byte[][]::new));
    }
}
