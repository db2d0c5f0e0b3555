package eu.danubia.connector.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import eu.danubia.connector.sdk.Item;
import eu.danubia.connector.sdk.Lines;

class LinesTest {

    private final List<String> lines = new ArrayList<>();
    private final List<Item.Rejected> rejected = new ArrayList<>();

    @Test
    void dropsTheByteOrderMarkAndCarriageReturns() throws IOException {
        read(bytes("\uFEFFa;b\r\nc;d\r\n\r\nlast"), 100);

        assertThat(lines).containsExactly("1:a;b", "2:c;d", "3:", "4:last");
        assertThat(rejected).isEmpty();
    }

    @Test
    void invalidUtf8CostsOnlyItsLine() throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(bytes("Radlická\n"));
        in.writeBytes(new byte[] {'a', 'b', (byte) 0xC3, '(', '\n'});
        in.writeBytes(bytes("Київ\n"));

        read(in.toByteArray(), 100);

        assertThat(lines).containsExactly("1:Radlická", "3:Київ");
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.position()).isEqualTo("line 2");
            assertThat(r.reason()).isEqualTo("not valid UTF-8 (byte 3 of the line)");
        });
    }

    @Test
    void anOverlongLineIsSkippedWithoutKeepingIt() throws IOException {
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(bytes("first\n"));
        in.writeBytes(huge);
        in.writeBytes(bytes("\nthird\n"));

        read(in.toByteArray(), 1000);

        assertThat(lines).containsExactly("1:first", "3:third");
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.position()).isEqualTo("line 2");
            assertThat(r.reason()).isEqualTo("line is longer than 1000 bytes (10485760 bytes)");
            assertThat(r.payload()).hasSize(203).startsWith("xxx").endsWith("...");
        });
    }

    @Test
    void aLineOfExactlyTheLimitIsKept() throws IOException {
        read(bytes("12345\r\n123456\n"), 5);

        assertThat(lines).containsExactly("1:12345");
        assertThat(rejected).extracting(Item.Rejected::position).containsExactly("line 2");
    }

    @Test
    void linesSpanningReadChunksArriveWhole() throws IOException {
        // a stream that hands out one byte at a time, as a slow network does
        byte[] data = bytes("alpha\nbeta\ngamma");
        InputStream trickle = new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        Lines.read(trickle, 100, item -> rejected.add((Item.Rejected) item), (n, text) -> lines.add(n + ":" + text));

        assertThat(lines).containsExactly("1:alpha", "2:beta", "3:gamma");
    }

    private void read(byte[] data, int max) throws IOException {
        Lines.read(new ByteArrayInputStream(data), max, item -> rejected.add((Item.Rejected) item),
                (n, text) -> lines.add(n + ":" + text));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
