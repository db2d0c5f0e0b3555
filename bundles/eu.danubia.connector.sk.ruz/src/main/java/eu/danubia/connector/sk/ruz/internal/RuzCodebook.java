package eu.danubia.connector.sk.ruz.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import eu.danubia.connector.sdk.json.JsonInput;

/**
 * One code list of the register ({@code /api/pravne-formy}, {@code /api/kraje} ...): code to Slovak
 * and English name. Classifications come as {@code {"klasifikacie":[...]}}, locations as
 * {@code {"lokacie":[...]}}, each entry {@code {"kod":"112","nazov":{"sk":...,"en":...}}}.
 */
final class RuzCodebook {

    /** The legal forms as the build copied them from {@code shared/data/registers/sk-ruz}. */
    static final String LEGAL_FORMS = "reference/sk-ruz/codebook__pravne_formy.json";

    record Entry(String code, String sk, String en) {
    }

    private final Map<String, Entry> entries;

    private RuzCodebook(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    static RuzCodebook legalForms() {
        try (InputStream in = RuzCodebook.class.getClassLoader().getResourceAsStream(LEGAL_FORMS)) {
            if (in == null) {
                throw new IllegalStateException(LEGAL_FORMS + " is missing from the bundle");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LEGAL_FORMS, e);
        }
    }

    static RuzCodebook parse(InputStream in) throws IOException {
        JsonNode root = JsonInput.readTree(in);
        JsonNode list = root == null ? null : root.has("klasifikacie") ? root.get("klasifikacie") : root.get("lokacie");
        if (list == null || !list.isArray()) {
            throw new IOException("not a RUZ code list: no 'klasifikacie' or 'lokacie' list");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (JsonNode e : list) {
            String code = JsonInput.text(e, "kod");
            if (code == null) {
                throw new IOException("code list entry without 'kod': " + e);
            }
            entries.put(code, new Entry(code, JsonInput.text(e.path("nazov"), "sk"), JsonInput.text(e.path("nazov"), "en")));
        }
        return new RuzCodebook(entries);
    }

    Entry get(String code) {
        return entries.get(code);
    }

    Map<String, Entry> entries() {
        return entries;
    }
}
