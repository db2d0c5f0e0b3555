package eu.danubia.connector.csv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import eu.danubia.connector.sdk.Item;

/**
 * Reads delimited text one physical line at a time in any ASCII-compatible charset, and splits
 * each line into fields. It does what the SDK's {@code Lines} does (which reads UTF-8 only) for
 * the windows-125x and ISO-8859-x files national registers still publish, plus quotes.
 * <p>
 * A record never continues onto the next line. RFC 4180 lets a quoted field contain line breaks,
 * so a parser that follows it reads on after a quote that is never closed (ONRC names such as
 * {@code "LEMNLIND SRL} or {@code "LEMNLIND" SRL}) and one bad row swallows hundreds of good ones.
 * Here a field that starts with the quote character is unquoted only when its quotes pair up
 * within the line; otherwise the whole line is split on the delimiter with its quotes kept as
 * text ({@link Line#quotesLiteral()}), and the caller decides from the field count whether the
 * line is still a record.
 * <p>
 * Memory stays bounded whatever the input: a line longer than {@code maxLineBytes} is read to its
 * end without being kept and reported with a preview. Each line is decoded strictly, so invalid
 * bytes reject that line and nothing else. A UTF-8 byte-order mark at the start is dropped.
 * Lines are split on {@code \n} before decoding, so the charset must be ASCII-compatible (UTF-8,
 * ISO-8859-x, windows-125x); UTF-16 and UTF-32 are refused.
 */
final class DelimitedLines {

    /** As the SDK's {@code Lines}: far above any register row, far below trouble. */
    static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;

    private static final int READ_BUFFER = 64 * 1024;

    /** One line, split into fields. */
    record Line(long number, String text, List<String> fields, boolean quotesLiteral) {
        public Line {
            fields = List.copyOf(fields);
        }
    }

    /** Receives the lines in order. Blank lines are skipped but counted in the line numbers. */
    interface Handler {

        void line(Line line);

        /**
         * A line that could not be decoded or was too long.
         *
         * @param preview the start of the line, decoded leniently, at most {@link Item.Rejected#MAX_PAYLOAD} characters
         */
        void malformed(long number, String preview, String reason);
    }

    private final char delimiter;
    private final int quote;
    private final Charset charset;
    private final int maxLineBytes;

    /**
     * @param quote the quote character, or {@code null} when the format has no quoting
     */
    DelimitedLines(char delimiter, Character quote, Charset charset, int maxLineBytes) {
        this.charset = Objects.requireNonNull(charset, "charset");
        if (!Arrays.equals("\n\r".getBytes(charset), new byte[] {'\n', '\r'})) {
            throw new IllegalArgumentException(charset + " is not ASCII-compatible; lines cannot be split before decoding");
        }
        if (delimiter == '\n' || delimiter == '\r' || quote != null && (quote == delimiter || quote == '\n' || quote == '\r')) {
            throw new IllegalArgumentException("delimiter and quote must differ and must not be line breaks");
        }
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive");
        }
        this.delimiter = delimiter;
        this.quote = quote == null ? -1 : quote;
        this.maxLineBytes = maxLineBytes;
    }

    void read(InputStream in, Handler handler) throws IOException {
        new Pass(handler).run(in);
    }

    /** The state of one read: the reader itself stays immutable and shareable between routes. */
    private final class Pass {
        private final Handler handler;
        private final CharsetDecoder strict = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private byte[] line = new byte[Math.min(8192, maxLineBytes)];
        private int length;
        private long fullLength;
        private long number;
        private CharBuffer chars = CharBuffer.allocate(0);

        Pass(Handler handler) {
            this.handler = handler;
        }

        void run(InputStream in) throws IOException {
            byte[] buffer = new byte[READ_BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        append(buffer, start, i - start);
                        endOfLine();
                        start = i + 1;
                    }
                }
                append(buffer, start, n - start);
            }
            if (fullLength > 0) {
                endOfLine();
            }
        }

        private void append(byte[] bytes, int from, int count) {
            fullLength += count;
            int room = maxLineBytes - length;
            int take = Math.min(room, count);
            if (take <= 0) {
                return;
            }
            if (length + take > line.length) {
                line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(length + take, 2L * line.length)));
            }
            System.arraycopy(bytes, from, line, length, take);
            length += take;
        }

        private void endOfLine() {
            number++;
            try {
                emit();
            } finally {
                length = 0;
                fullLength = 0;
            }
        }

        private void emit() {
            int from = 0;
            int to = length;
            if (number == 1 && charset.equals(StandardCharsets.UTF_8) && to >= 3
                    && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
                from = 3;
            }
            if (fullLength > maxLineBytes) {
                handler.malformed(number, preview(from, to),
                        "line is " + fullLength + " bytes long, more than the limit of " + maxLineBytes + " bytes");
                return;
            }
            if (to > from && line[to - 1] == '\r') {
                to--;
            }
            if (to == from) {
                return;
            }
            String text = decode(from, to);
            if (text == null) {
                return;
            }
            List<String> quoted = quote < 0 ? null : splitQuoted(text);
            if (quote < 0 || quoted != null) {
                handler.line(new Line(number, text, quote < 0 ? splitPlain(text) : quoted, false));
            } else {
                handler.line(new Line(number, text, splitPlain(text), true));
            }
        }

        /** Returns null after reporting the line when its bytes are not valid in the charset. */
        private String decode(int from, int to) {
            int capacity = (int) Math.ceil((to - from) * (double) strict.maxCharsPerByte()) + 1;
            if (chars.capacity() < capacity) {
                chars = CharBuffer.allocate(capacity);
            }
            chars.clear();
            strict.reset();
            ByteBuffer bytes = ByteBuffer.wrap(line, from, to - from);
            CoderResult result = strict.decode(bytes, chars, true);
            if (!result.isError()) {
                result = strict.flush(chars);
            }
            if (result.isError()) {
                handler.malformed(number, preview(from, to), "not valid " + charset.name() + ": byte "
                        + (bytes.position() - from + 1) + " of the line starts an invalid sequence");
                return null;
            }
            chars.flip();
            return chars.toString();
        }

        private String preview(int from, int to) {
            int end = Math.min(to, from + Item.Rejected.MAX_PAYLOAD * 4);
            String text = new String(line, from, end - from, charset);
            return text.length() > Item.Rejected.MAX_PAYLOAD ? text.substring(0, Item.Rejected.MAX_PAYLOAD) : text;
        }
    }

    /** Splits on every delimiter; quotes are ordinary characters. Empty fields, also trailing ones, are kept. */
    List<String> splitPlain(String text) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        int at;
        while ((at = text.indexOf(delimiter, start)) >= 0) {
            fields.add(text.substring(start, at));
            start = at + 1;
        }
        fields.add(text.substring(start));
        return fields;
    }

    /**
     * Splits honouring quotes within the line, or returns null when a quoted field is not closed
     * or text follows its closing quote. A quote inside an unquoted field is an ordinary character.
     */
    List<String> splitQuoted(String text) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            if (i < n && text.charAt(i) == quote) {
                StringBuilder field = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = text.charAt(i);
                    if (c == quote) {
                        if (i + 1 < n && text.charAt(i + 1) == quote) {
                            field.append(c);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(c);
                    i++;
                }
                fields.add(field.toString());
                if (i == n) {
                    return fields;
                }
                if (text.charAt(i) != delimiter) {
                    return null;
                }
                i++;
            } else {
                int at = text.indexOf(delimiter, i);
                if (at < 0) {
                    fields.add(text.substring(i));
                    return fields;
                }
                fields.add(text.substring(i, at));
                i = at + 1;
            }
        }
    }
}
