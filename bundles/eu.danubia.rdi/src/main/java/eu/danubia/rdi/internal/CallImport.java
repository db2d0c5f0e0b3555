package eu.danubia.rdi.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an import file (CSV, TSV or a JSON array) into calls, or into the reasons its rows are
 * refused, each with its line (the header is line 1; in JSON the 1-based position). The columns:
 * {@code topicCode} (or CORDIS's {@code topic}), {@code title}, optional {@code thematic}
 * (true/false, default true), {@code deadline} (2026-09-17) and {@code eligibleCountries} (ISO-2
 * codes separated by {@code ;}). {@code programme} and {@code source} are accepted and ignored:
 * the programme follows from the code.
 */
final class CallImport {

    static final String CORDIS_SEED = "cordis-seed";
    static final String IMPORTED = "import";

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{1,99}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("topiccode", "topicCode"), Map.entry("topic", "topicCode"), Map.entry("topic_code", "topicCode"),
            Map.entry("code", "topicCode"), Map.entry("title", "title"), Map.entry("thematic", "thematic"),
            Map.entry("deadline", "deadline"), Map.entry("eligiblecountries", "eligibleCountries"),
            Map.entry("eligible_countries", "eligibleCountries"), Map.entry("programme", "ignored"),
            Map.entry("source", "ignored"));
    static final int TITLE_MAX = 1000;

    /** The calls read, or the refused rows by line. */
    record Result(List<Call> calls, Map<Integer, String> rejected) {
    }

    private CallImport() {
    }

    static Result fromText(String text, String source) {
        List<Table.Row> rows = Table.read(text == null ? "" : text);
        if (rows.isEmpty()) {
            throw new eu.danubia.api.ValidationException("file", "is empty: line 1 must name the columns");
        }
        Table.Row head = rows.get(0);
        Map<String, Integer> header = header(head);
        List<Call> calls = new ArrayList<>();
        Map<Integer, String> rejected = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Table.Row row : rows.subList(1, rows.size())) {
            if (row.error() != null) {
                rejected.put(row.line(), row.error());
                continue;
            }
            if (row.fields().size() != head.fields().size()) {
                rejected.put(row.line(), "has " + row.fields().size() + " columns, the header " + head.fields().size());
                continue;
            }
            Map<String, Object> values = new HashMap<>();
            header.forEach((name, index) -> values.put(name, row.fields().get(index)));
            add(values, source, row.line(), calls, rejected, seen);
        }
        return new Result(calls, rejected);
    }

    static Result fromJson(List<Map<String, Object>> objects, String source) {
        if (objects == null) {
            throw new eu.danubia.api.ValidationException("body", "is required: an array of calls");
        }
        List<Call> calls = new ArrayList<>();
        Map<Integer, String> rejected = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < objects.size(); i++) {
            Map<String, Object> o = objects.get(i);
            if (o == null) {
                rejected.put(i + 1, "is not an object");
                continue;
            }
            Map<String, Object> values = new HashMap<>();
            String unknown = null;
            for (Map.Entry<String, Object> e : o.entrySet()) {
                String name = COLUMNS.get(e.getKey().toLowerCase(Locale.ROOT));
                if (name == null) {
                    unknown = unknown == null ? e.getKey() : unknown;
                } else {
                    values.put(name, e.getValue());
                }
            }
            if (unknown != null) {
                rejected.put(i + 1, "unknown field '" + unknown + "'");
                continue;
            }
            add(values, source, i + 1, calls, rejected, seen);
        }
        return new Result(calls, rejected);
    }

    private static Map<String, Integer> header(Table.Row head) {
        if (head.error() != null) {
            throw new eu.danubia.api.ValidationException("header", "line 1: " + head.error());
        }
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < head.fields().size(); i++) {
            String raw = head.fields().get(i).strip();
            String name = COLUMNS.get(raw.toLowerCase(Locale.ROOT));
            if (name == null) {
                throw new eu.danubia.api.ValidationException("header", "line 1: unknown column '" + raw
                        + "'; the columns are topicCode, title, thematic, deadline, eligibleCountries");
            }
            if (!name.equals("ignored") && out.put(name, i) != null) {
                throw new eu.danubia.api.ValidationException("header", "line 1: the column " + name + " appears twice");
            }
        }
        if (!out.containsKey("topicCode") || !out.containsKey("title")) {
            throw new eu.danubia.api.ValidationException("header", "line 1: the columns topicCode and title are required");
        }
        return out;
    }

    private static void add(Map<String, Object> values, String source, int line, List<Call> calls,
            Map<Integer, String> rejected, Set<String> seen) {
        List<String> problems = new ArrayList<>();
        String code = text(values.get("topicCode"));
        String title = text(values.get("title"));
        if (code == null) {
            problems.add("topicCode: is required");
        } else if (!CODE.matcher(code).matches()) {
            problems.add("topicCode: must be a topic code such as HORIZON-CL5-2024-D3-01-01");
        } else if (!seen.add(code)) {
            problems.add("topicCode: " + code + " appears twice in the file");
        }
        if (title == null) {
            problems.add("title: is required");
        } else if (title.length() > TITLE_MAX) {
            problems.add("title: must be at most " + TITLE_MAX + " characters");
        }
        Boolean thematic = true;
        Object t = values.get("thematic");
        if (t instanceof Boolean b) {
            thematic = b;
        } else if (text(t) != null) {
            String v = text(t).toLowerCase(Locale.ROOT);
            thematic = v.equals("true") ? Boolean.TRUE : v.equals("false") ? Boolean.FALSE : null;
            if (thematic == null) {
                problems.add("thematic: must be true or false");
            }
        }
        LocalDate deadline = null;
        String d = text(values.get("deadline"));
        if (d != null) {
            try {
                deadline = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                problems.add("deadline: must be a date such as 2026-09-17");
            }
        }
        List<String> countries = countries(values.get("eligibleCountries"), problems);
        if (!problems.isEmpty()) {
            rejected.put(line, String.join("; ", problems));
            return;
        }
        calls.add(new Call(code, title, Programmes.of(code).name(), thematic, deadline, countries, source));
    }

    private static List<String> countries(Object value, List<String> problems) {
        List<String> raw = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(x -> raw.add(x == null ? "" : x.toString()));
        } else if (text(value) != null) {
            raw.addAll(List.of(text(value).split("[;,]")));
        }
        List<String> out = new ArrayList<>();
        for (String r : raw) {
            String c = r.strip().toUpperCase(Locale.ROOT);
            if (c.isEmpty()) {
                continue;
            }
            if (!COUNTRY.matcher(c).matches()) {
                problems.add("eligibleCountries: must hold ISO-2 codes such as RO;HU (got '" + r.strip() + "')");
                return List.of();
            }
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        return s.isEmpty() ? null : s;
    }
}
