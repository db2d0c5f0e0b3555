package eu.danubia.b2b.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The EEN field names of import and export, and the mapping between a row (CSV or JSON) and a
 * {@link ProfileInput}. Lists are separated by {@code ;} in CSV cells.
 */
final class ProfileCsv {

    /** The import columns, in export order. */
    static final List<String> FIELDS = List.of("type", "title", "summary", "description", "innovation", "stage", "ipr",
            "technologyKeywords", "marketKeywords", "naceCodes", "partnershipTypes", "targetCountries", "expiresOn",
            "language", "contactName", "contactEmail", "contactPhone");

    /** Admins name the owner organisation per row. */
    static final String ORGANISATION_ID = "organisationId";

    /** Columns an export adds; an import ignores them, so an exported file can be imported again. */
    static final List<String> EXPORT_ONLY = List.of("id", "status", "country", "publishedAt", "organisationName");

    static final Set<String> CONTACT = Set.of("contactName", "contactEmail", "contactPhone");

    private static final Set<String> LISTS = Set.of("technologyKeywords", "marketKeywords", "naceCodes",
            "partnershipTypes", "targetCountries");

    private ProfileCsv() {
    }

    /** The column index per known field; unknown or repeated names are refused as a whole. */
    static Map<String, Integer> header(List<String> names) {
        Map<String, String> canonical = new LinkedHashMap<>();
        for (String f : FIELDS) {
            canonical.put(f.toLowerCase(Locale.ROOT), f);
        }
        canonical.put(ORGANISATION_ID.toLowerCase(Locale.ROOT), ORGANISATION_ID);
        for (String f : EXPORT_ONLY) {
            canonical.put(f.toLowerCase(Locale.ROOT), f);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            String field = canonical.get(name.toLowerCase(Locale.ROOT));
            if (field == null) {
                problems.add("unknown column '" + name + "'");
            } else if (index.putIfAbsent(field, i) != null) {
                problems.add("column '" + field + "' appears twice");
            }
        }
        for (String required : List.of("type", "title", "summary", "description", "contactName", "contactEmail")) {
            if (!index.containsKey(required)) {
                problems.add("missing column '" + required + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new eu.danubia.api.ValidationException("header", "line 1: " + String.join("; ", problems)
                    + ". Known columns: " + String.join(",", FIELDS) + "," + ORGANISATION_ID);
        }
        return index;
    }

    /** A CSV row as input: cells by column, lists split at {@code ;}, spreadsheet apostrophes undone. */
    static ProfileInput fromCsv(Map<String, Integer> header, List<String> cells) {
        Map<String, Object> values = new TreeMap<>();
        header.forEach((field, i) -> {
            if (!EXPORT_ONLY.contains(field)) {
                values.put(field, Csv.unneutralise(cells.get(i)));
            }
        });
        return input(values);
    }

    /**
     * A JSON object as input. Values may be text, numbers or booleans; list fields also take arrays.
     *
     * @throws IllegalArgumentException naming an unknown field or a list where one value belongs
     */
    static ProfileInput fromJson(Map<String, Object> object) {
        Map<String, Object> values = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        object.forEach((key, value) -> {
            if (EXPORT_ONLY.contains(key)) {
                return;
            }
            if (!FIELDS.contains(key) && !ORGANISATION_ID.equals(key)) {
                problems.add("unknown field '" + key + "'");
            } else if (value instanceof List<?> list) {
                if (LISTS.contains(key)) {
                    values.put(key, list.stream().map(v -> v == null ? null : v.toString()).toList());
                } else {
                    problems.add(key + ": must be a single value");
                }
            } else if (value instanceof Map<?, ?>) {
                problems.add(key + ": must be " + (LISTS.contains(key) ? "a list or text" : "text"));
            } else {
                values.put(key, value == null ? null : value.toString());
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return input(values);
    }

    private static ProfileInput input(Map<String, Object> v) {
        return new ProfileInput(text(v, ORGANISATION_ID), text(v, "type"), text(v, "title"), text(v, "summary"),
                text(v, "description"), text(v, "innovation"), text(v, "stage"), text(v, "ipr"),
                list(v, "technologyKeywords"), list(v, "marketKeywords"), list(v, "naceCodes"), null,
                list(v, "partnershipTypes"), list(v, "targetCountries"), text(v, "expiresOn"), text(v, "language"),
                text(v, "contactName"), text(v, "contactEmail"), text(v, "contactPhone"));
    }

    private static String text(Map<String, Object> values, String field) {
        Object v = values.get(field);
        return v == null ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> values, String field) {
        Object v = values.get(field);
        if (v instanceof List<?> l) {
            return (List<String>) l;
        }
        if (v == null || v.toString().isBlank()) {
            return List.of();
        }
        return Arrays.stream(v.toString().split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The export header: import columns (without contact), the export columns, and contact columns if any row reveals them. */
    static List<String> exportHeader(boolean withContact) {
        List<String> header = new ArrayList<>();
        for (String f : FIELDS) {
            if (!CONTACT.contains(f)) {
                header.add(f);
            }
        }
        header.addAll(List.of("id", "status", "country", "publishedAt"));
        if (withContact) {
            header.addAll(List.of(ORGANISATION_ID, "organisationName", "contactName", "contactEmail", "contactPhone"));
        }
        return header;
    }

    /** One export row; the owner columns only when the export has them, and empty unless this row is revealed. */
    static List<String> exportRow(Profile p, boolean withContact) {
        List<String> row = new ArrayList<>(List.of(p.type().name(), p.title(), p.summary(), p.description(),
                nz(p.innovation()), p.stage() == null ? "" : p.stage().name(), p.ipr() == null ? "" : p.ipr().name(),
                String.join(";", p.technologyKeywords()), String.join(";", p.marketKeywords()),
                String.join(";", p.naceCodes()),
                String.join(";", p.partnershipTypes().stream().map(Enum::name).toList()),
                String.join(";", p.targetCountries()), p.expiresOn().toString(), p.language(),
                p.id().toString(), p.status().name(), nz(p.country()),
                p.publishedAt() == null ? "" : p.publishedAt().toString()));
        if (withContact) {
            Profile.Owner o = p.owner();
            row.addAll(o == null ? List.of("", "", "", "", "")
                    : List.of(o.organisationId().toString(), nz(o.organisationName()), nz(o.contactName()),
                            nz(o.contactEmail()), nz(o.contactPhone())));
        }
        return row;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
