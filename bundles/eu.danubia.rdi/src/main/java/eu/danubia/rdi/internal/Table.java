package eu.danubia.rdi.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a delimited text file: tab-separated (as CORDIS's topics.tsv, no quoting) when the first line
 * holds a tab, else RFC 4180 CSV (quoted fields may hold commas, doubled quotes and line breaks). A
 * UTF-8 BOM is dropped; CRLF, LF and CR end lines; blank lines are skipped. Each row keeps the line
 * it starts on (the header is line 1), so errors name it.
 *
 * <p>B2B has a fuller CSV reader ({@code eu.danubia.b2b.internal.Csv}, private to that bundle);
 * this one covers what a call import needs.
 */
final class Table {

    record Row(int line, List<String> fields, String error) {
    }

    private Table() {
    }

    static List<Row> read(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstEnd = firstLineEnd(s);
        boolean tabs = s.substring(0, firstEnd).indexOf('\t') >= 0;
        return tabs ? tsv(s) : csv(s);
    }

    private static int firstLineEnd(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n' || s.charAt(i) == '\r') {
                return i;
            }
        }
        return s.length();
    }

    private static List<Row> tsv(String s) {
        List<Row> rows = new ArrayList<>();
        String[] lines = s.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(new Row(i + 1, List.of(lines[i].split("\t", -1)), null));
            }
        }
        return rows;
    }

    private static List<Row> csv(String s) {
        List<Row> rows = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = s.length();
        while (i < n) {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            String error = null;
            while (i < n) {
                char ch = s.charAt(i);
                if (quoted) {
                    if (ch == '"') {
                        if (i + 1 < n && s.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        quoted = false;
                        i++;
                        continue;
                    }
                    if (ch == '\n' || ch == '\r' && !(i + 1 < n && s.charAt(i + 1) == '\n')) {
                        line++;
                    }
                    field.append(ch);
                    i++;
                    continue;
                }
                if (ch == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                    i++;
                } else if (ch == '\r' || ch == '\n') {
                    i += ch == '\r' && i + 1 < n && s.charAt(i + 1) == '\n' ? 2 : 1;
                    line++;
                    break;
                } else if (ch == '"') {
                    if (field.length() > 0 || wasQuoted) {
                        error = error == null ? "a quote inside an unquoted field" : error;
                    }
                    quoted = true;
                    wasQuoted = true;
                    i++;
                } else {
                    if (wasQuoted && error == null) {
                        error = "text after a closing quote";
                    }
                    field.append(ch);
                    i++;
                }
            }
            if (quoted) {
                error = "an unbalanced quote";
            }
            fields.add(field.toString());
            boolean blank = fields.stream().allMatch(String::isBlank);
            if (!blank || error != null) {
                rows.add(new Row(start, List.copyOf(fields), error));
            }
        }
        return rows;
    }
}
