package eu.danubia.b2b.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 has it (quoted fields with doubled quotes, separators and line breaks inside
 * quotes), plus what files from spreadsheets bring: a UTF-8 byte order mark, CRLF, LF or CR line ends.
 *
 * <p>Reading is forgiving about where a broken row ends: a row whose quoting is broken (a quote
 * never closed, text after a closing quote, a quote inside an unquoted field) or whose quoted
 * line break leaves it with the wrong number of columns is reported with its first line, and
 * reading goes on at the next physical line, so one forgotten quote costs one row, not the rest of
 * the file. Rows whose cells are all blank are skipped like blank lines.
 */
final class Csv {

    private static final char SEPARATOR = ',';
    private static final char QUOTE = '"';

    private Csv() {
    }

    /** A row of the file: its fields, or why it cannot be read. {@code line} is where it starts (1-based). */
    record Row(int line, List<String> fields, String error) {

        boolean ok() {
            return error == null;
        }
    }

    /** The header row ({@code null} for an empty file) and every following row, in file order. */
    record Document(Row header, List<Row> rows) {
    }

    /** Reads a whole file; the first row is the header. Blank lines are skipped. */
    static Document read(String text) {
        Reader r = new Reader(stripBom(text));
        r.skipBlankLines();
        if (r.atEnd()) {
            return new Document(null, List.of());
        }
        Row header = r.row();
        List<Row> rows = new ArrayList<>();
        int columns = header.ok() ? header.fields().size() : -1;
        while (true) {
            r.skipBlankLines();
            if (r.atEnd()) {
                break;
            }
            int start = r.line;
            Row row = r.row();
            if (row.ok() && row.fields().stream().allMatch(String::isBlank)) {
                continue; // spreadsheets save emptied rows as a line of separators
            }
            if (!row.ok()) {
                rows.add(row);
                r.restartAt(start + 1);
            } else if (columns >= 0 && row.fields().size() != columns) {
                String reason = "wrong number of columns: expected " + columns + ", got " + row.fields().size();
                if (r.lastRowSpannedLines) {
                    // a line break inside quotes that leaves the row misshapen is most likely a quote
                    // left open: the lines it swallowed are read again as rows of their own
                    reason += " (a quoted field starting on line " + start + " may be missing its closing quote)";
                    r.restartAt(start + 1);
                }
                rows.add(new Row(start, List.of(), reason));
            } else {
                rows.add(row);
            }
        }
        return new Document(header, List.copyOf(rows));
    }

    static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    // ---- writing ----------------------------------------------------------------------------

    /** One CSV line (CRLF-terminated) with every field quoted and neutralised. */
    static void appendRow(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            out.append(cell(fields.get(i)));
        }
        out.append("\r\n");
    }

    /**
     * A quoted field. A value a spreadsheet would run as a formula (starting with {@code = + - @},
     * tab or carriage return) gets a leading apostrophe, so it is shown as text instead.
     */
    static String cell(String value) {
        if (value == null) {
            return "\"\"";
        }
        String v = isFormulaStart(value) ? "'" + value : value;
        return QUOTE + v.replace("\"", "\"\"") + QUOTE;
    }

    /** Undoes {@link #cell}'s apostrophe on import, so an exported file can be imported again unchanged. */
    static String unneutralise(String value) {
        if (value != null && value.length() > 1 && value.charAt(0) == '\'' && isFormulaStart(value.substring(1))) {
            return value.substring(1);
        }
        return value;
    }

    private static boolean isFormulaStart(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    // ---- reading ----------------------------------------------------------------------------

    private static final class Reader {

        private final String s;
        private final List<Integer> lineStarts = new ArrayList<>();
        private int pos;
        /** The physical line the position is on, 1-based. */
        private int line = 1;
        private boolean lastRowSpannedLines;

        Reader(String s) {
            this.s = s;
            lineStarts.add(0);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n')) {
                    lineStarts.add(i + 1);
                }
            }
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        private boolean atLineEnd() {
            return atEnd() || s.charAt(pos) == '\n' || s.charAt(pos) == '\r';
        }

        /** Consumes one line end (CRLF, LF or CR) at the position. */
        private void lineEnd() {
            if (atEnd()) {
                return;
            }
            if (s.charAt(pos) == '\r' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
                pos += 2;
            } else {
                pos++;
            }
            line++;
        }

        void skipBlankLines() {
            while (!atEnd() && atLineEnd()) {
                lineEnd();
            }
        }

        /** Continues reading at the start of a physical line (or at the end when there is none). */
        void restartAt(int physicalLine) {
            if (physicalLine - 1 < lineStarts.size()) {
                pos = lineStarts.get(physicalLine - 1);
                line = physicalLine;
            } else {
                pos = s.length();
            }
        }

        Row row() {
            int start = line;
            lastRowSpannedLines = false;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            while (true) {
                field.setLength(0);
                int column = fields.size() + 1;
                if (!atEnd() && s.charAt(pos) == QUOTE) {
                    pos++;
                    int opened = line;
                    while (true) {
                        if (atEnd()) {
                            return new Row(start, List.of(), "unbalanced quote: the quoted field in column " + column
                                    + " opened on line " + opened + " is never closed");
                        }
                        char c = s.charAt(pos);
                        if (c == QUOTE) {
                            if (pos + 1 < s.length() && s.charAt(pos + 1) == QUOTE) {
                                field.append(QUOTE);
                                pos += 2;
                            } else {
                                pos++;
                                break;
                            }
                        } else if (c == '\r' || c == '\n') {
                            lineEnd();
                            lastRowSpannedLines = true;
                            field.append('\n');
                        } else {
                            field.append(c);
                            pos++;
                        }
                    }
                    if (!atLineEnd() && s.charAt(pos) != SEPARATOR) {
                        return new Row(start, List.of(), "unbalanced quote: text follows the closing quote of column "
                                + column);
                    }
                } else {
                    while (!atLineEnd() && s.charAt(pos) != SEPARATOR) {
                        char c = s.charAt(pos);
                        if (c == QUOTE) {
                            return new Row(start, List.of(), "unbalanced quote: a quote inside the unquoted column "
                                    + column + " (quote the whole field and double the quotes inside)");
                        }
                        field.append(c);
                        pos++;
                    }
                }
                fields.add(field.toString());
                if (atLineEnd()) {
                    lineEnd();
                    return new Row(start, fields, null);
                }
                pos++; // the separator
            }
        }
    }
}
