package eu.danubia.connector.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import eu.danubia.connector.sdk.Item;

class DelimitedLinesTest {

    private final DelimitedLines caret = new DelimitedLines('^', '"', StandardCharsets.UTF_8, 1024);

    @Test
    void anUnbalancedQuoteStaysOnItsLineAndTheFollowingRowsAreRead() throws IOException {
        Collected c = read(caret, bytes("""
                DENUMIRE^CUI^COD_INMATRICULARE
                "LEMNLIND" SRL^13735411^J14/33/2001
                "LEMNLIND SRL^13735412^J14/34/2001
                ALFA SRL^100^J40/1/2001
                BETA SRL^101^J40/2/2001
                """));

        assertThat(c.lines).hasSize(5);
        assertThat(c.lines.get(1).fields()).containsExactly("\"LEMNLIND\" SRL", "13735411", "J14/33/2001");
        assertThat(c.lines.get(1).quotesLiteral()).isTrue();
        assertThat(c.lines.get(2).fields()).containsExactly("\"LEMNLIND SRL", "13735412", "J14/34/2001");
        assertThat(c.lines.get(3).fields()).containsExactly("ALFA SRL", "100", "J40/1/2001");
        assertThat(c.lines.get(3).quotesLiteral()).isFalse();
        assertThat(c.lines.get(4).number()).isEqualTo(5);
        assertThat(c.malformed).isEmpty();
    }

    @Test
    void quotedFieldsMayHoldTheDelimiterAndDoubledQuotes() throws IOException {
        Collected c = read(caret, bytes("\"A^B\"^\"say \"\"hi\"\"\"^plain \"inner\" quote^\"\"\n"));

        assertThat(c.lines.get(0).fields()).containsExactly("A^B", "say \"hi\"", "plain \"inner\" quote", "");
        assertThat(c.lines.get(0).quotesLiteral()).isFalse();
    }

    @Test
    void emptyFieldsAreKeptAlsoAtTheEnd() throws IOException {
        Collected c = read(caret, bytes("a^^b^^\n^\n"));

        assertThat(c.lines.get(0).fields()).containsExactly("a", "", "b", "", "");
        assertThat(c.lines.get(1).fields()).containsExactly("", "");
    }

    @Test
    void theByteOrderMarkIsDroppedCrLfAndALastLineWithoutBreakAreRead() throws IOException {
        byte[] input = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes("CUI^DENUMIRE\r\n\r\n1^A\r\n2^B"));
        Collected c = read(caret, input);

        assertThat(c.lines).extracting(DelimitedLines.Line::text).containsExactly("CUI^DENUMIRE", "1^A", "2^B");
        assertThat(c.lines).extracting(DelimitedLines.Line::number).containsExactly(1L, 3L, 4L);
    }

    @Test
    void invalidBytesRejectTheirLineOnly() throws IOException {
        byte[] input = concat(bytes("a^1\nb"), new byte[] {(byte) 0xC3, (byte) 0x28}, bytes("^2\nc^3\n"));
        Collected c = read(caret, input);

        assertThat(c.lines).extracting(DelimitedLines.Line::text).containsExactly("a^1", "c^3");
        assertThat(c.malformed).singleElement().satisfies(m -> {
            assertThat(m.number).isEqualTo(2);
            assertThat(m.reason).isEqualTo("not valid UTF-8: byte 2 of the line starts an invalid sequence");
            assertThat(m.preview).startsWith("b");
        });
    }

    @Test
    void otherCharsetsAreDecodedStrictly() throws IOException {
        DelimitedLines latin2 = new DelimitedLines(';', '"', Charset.forName("windows-1250"), 1024);
        // 0x9F is ź in windows-1250; 0x98 is undefined there
        Collected c = read(latin2, new byte[] {'a', ';', (byte) 0x9F, '\n', 'b', ';', (byte) 0x98, '\n'});

        assertThat(c.lines).singleElement().satisfies(l -> assertThat(l.fields()).containsExactly("a", "ź"));
        assertThat(c.malformed).singleElement().satisfies(m -> assertThat(m.reason).contains("windows-1250"));
    }

    @Test
    void aTenMegabyteLineIsRejectedWithoutBeingKeptAndTheNextLineIsRead() throws IOException {
        DelimitedLines lines = new DelimitedLines('^', '"', StandardCharsets.UTF_8, DelimitedLines.DEFAULT_MAX_LINE_BYTES);
        InputStream input = new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(bytes("a^1\n")),
                new Letters(10 * 1024 * 1024)), new ByteArrayInputStream(bytes("\nb^2\n")));
        Collected c = read(lines, input);

        assertThat(c.lines).extracting(DelimitedLines.Line::text).containsExactly("a^1", "b^2");
        assertThat(c.malformed).singleElement().satisfies(m -> {
            assertThat(m.number).isEqualTo(2);
            assertThat(m.reason).isEqualTo("line is 10485760 bytes long, more than the limit of 65536 bytes");
            assertThat(m.preview).hasSize(Item.Rejected.MAX_PAYLOAD).startsWith("abc");
        });
    }

    @Test
    void charsetsThatAreNotAsciiCompatibleAreRefused() {
        assertThatThrownBy(() -> new DelimitedLines(',', '"', StandardCharsets.UTF_16, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UTF-16");
        assertThatThrownBy(() -> new DelimitedLines(',', ',', StandardCharsets.UTF_8, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Collected read(DelimitedLines lines, byte[] input) throws IOException {
        return read(lines, new ByteArrayInputStream(input));
    }

    private static Collected read(DelimitedLines lines, InputStream input) throws IOException {
        Collected c = new Collected();
        lines.read(input, c);
        return c;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    record Malformed(long number, String preview, String reason) {
    }

    static final class Collected implements DelimitedLines.Handler {
        final List<DelimitedLines.Line> lines = new ArrayList<>();
        final List<Malformed> malformed = new ArrayList<>();

        @Override
        public void line(DelimitedLines.Line line) {
            lines.add(line);
        }

        @Override
        public void malformed(long number, String preview, String reason) {
            malformed.add(new Malformed(number, preview, reason));
        }
    }

    /** {@code size} letters a-z, produced as they are read and never held whole. */
    static final class Letters extends InputStream {
        private final long size;
        private long served;

        Letters(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return served < size ? 'a' + (int) (served++ % 26) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - served);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ('a' + (served++ % 26));
            }
            return n;
        }
    }
}
