package eu.danubia.connector.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads a line-oriented document (CSV, TSV, caret-separated ...) one line at a time as strict UTF-8, for
 * {@link SourceReader}s.
 *
 * <p>Reading line by line is what keeps one bad row from spoiling others: a line that is not valid UTF-8, or is
 * longer than the limit, becomes an {@link Item.Rejected} at {@code line N} and reading goes on with the next
 * line. (A CSV parser that honours quotes across lines can swallow hundreds of rows after one unbalanced quote, a
 * known trap in real register exports.) Memory stays bounded by the line limit whatever the input: the rest of an
 * over-long line is skipped, not buffered. A UTF-8 byte-order mark on the first line is dropped, and so is the
 * {@code \r} of CRLF line ends.
 */
public final class Lines {

    /** Generous for register rows; a 10 MB "line" is a broken file, not a record. */
    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;

    private static final int PREVIEW_BYTES = 200;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Receives each good line. */
    @FunctionalInterface
    public interface LineHandler {
        /**
         * @param number 1-based line number, for positions ({@code "line " + number})
         * @param text   the line without its line end
         * @throws IOException when this line shows the document as a whole is unusable (e.g. a wrong header)
         */
        void line(long number, String text) throws IOException;
    }

    private Lines() {
    }

    /**
     * @param maxLineBytes lines longer than this (in bytes, without the line end) are rejected
     * @param sink         where rejected lines go, as {@link Item.Rejected} with a reason and a short preview
     * @throws IOException when the stream itself fails
     */
    public static void read(InputStream in, int maxLineBytes, Consumer<Item> sink, LineHandler handler) throws IOException {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive");
        }
        new Splitter(maxLineBytes, sink, handler).run(in);
    }

    private static final class Splitter {
        private final int max;
        private final Consumer<Item> sink;
        private final LineHandler handler;
        private byte[] line = new byte[1024];
        private int length;
        private long skipped;
        private long number;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);

        Splitter(int max, Consumer<Item> sink, LineHandler handler) {
            this.max = max;
            this.sink = sink;
            this.handler = handler;
        }

        void run(InputStream in) throws IOException {
            byte[] chunk = new byte[64 * 1024];
            boolean pending = false;
            int n;
            while ((n = in.read(chunk)) >= 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n') {
                        append(chunk, start, i - start);
                        emit();
                        pending = false;
                        start = i + 1;
                    }
                }
                if (start < n) {
                    append(chunk, start, n - start);
                    pending = true;
                }
            }
            if (pending) {
                emit();
            }
        }

        private void append(byte[] bytes, int offset, int count) {
            if (skipped > 0) {
                skipped += count;
                return;
            }
            int take = count;
            if (length + count > max + 1) {
                // over the limit (+1: room for a CR before LF): keep at most a preview, only count the rest
                take = Math.min(count, Math.max(0, PREVIEW_BYTES - length));
                skipped = count - take;
            }
            if (length + take > line.length) {
                line = Arrays.copyOf(line, Math.max(length + take, Math.min(max + 1, line.length * 2)));
            }
            System.arraycopy(bytes, offset, line, length, take);
            length += take;
        }

        private void emit() throws IOException {
            number++;
            try {
                int end = length;
                if (skipped == 0 && end > 0 && line[end - 1] == '\r') {
                    end--;
                }
                int start = number == 1 && end >= 3 && line[0] == BOM[0] && line[1] == BOM[1] && line[2] == BOM[2] ? 3 : 0;
                long size = (long) end - start + skipped;
                if (size > max) {
                    sink.accept(new Item.Rejected("line " + number, preview(start, end),
                            "line is longer than " + max + " bytes (" + size + " bytes)"));
                    return;
                }
                String text = decode(start, end);
                if (text != null) {
                    handler.line(number, text);
                }
            } finally {
                length = 0;
                skipped = 0;
            }
        }

        private String decode(int start, int end) {
            decoder.reset();
            ByteBuffer bytes = ByteBuffer.wrap(line, start, end - start);
            CharBuffer chars = CharBuffer.allocate(end - start);
            CoderResult result = decoder.decode(bytes, chars, true);
            if (!result.isError()) {
                result = decoder.flush(chars);
            }
            if (result.isError()) {
                int at = bytes.position() - start + 1;
                sink.accept(new Item.Rejected("line " + number, new String(line, start, end - start, StandardCharsets.UTF_8),
                        "not valid UTF-8 (byte " + at + " of the line)"));
                return null;
            }
            chars.flip();
            return chars.toString();
        }

        private String preview(int start, int end) {
            return new String(line, start, Math.min(end - start, PREVIEW_BYTES), StandardCharsets.UTF_8) + "...";
        }
    }
}
