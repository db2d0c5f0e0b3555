package eu.danubia.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * NUTS 2021 regions and NACE Rev.2 codes, extracted from the public files that the build copies
 * into the bundle under {@code reference/} (from {@code shared/data/nuts} and {@code shared/data/nace}).
 */
public record ReferenceData(List<NutsRegion> nuts, List<NaceCode> nace) {

    public static final String NUTS_LEVEL_2 = "reference/nuts/NUTS_RG_60M_2021_4326_LEVL_2.geojson";
    public static final String NUTS_LEVEL_3 = "reference/nuts/NUTS_RG_60M_2021_4326_LEVL_3.geojson";
    public static final String NACE = "reference/nace/sk-nace-rev2.json";

    /** The width of the label columns in {@code nace_codes}. */
    static final int LABEL_MAX = 300;

    private static final Pattern NUTS_CODE = Pattern.compile("[A-Z]{2}[0-9A-Z]{0,3}");
    private static final Pattern SK_NACE = Pattern.compile("\\d{5}");
    private static final ObjectMapper JSON = new ObjectMapper();

    public ReferenceData {
        nuts = List.copyOf(nuts);
        nace = List.copyOf(nace);
    }

    /** One row of {@code nuts_regions}; {@code country} is the NUTS country code (Greece is EL, as in NUTS). */
    public record NutsRegion(String code, int level, String country, String name) {
    }

    /** One row of {@code nace_codes}: a division ({@code 62}) or a class ({@code 62.01}). */
    public record NaceCode(String code, String labelEn, String labelSk) {
    }

    /** Reads the copies shipped in the bundle. */
    public static ReferenceData fromClasspath(ClassLoader loader) {
        List<NutsRegion> nuts = new ArrayList<>();
        nuts.addAll(nuts(open(loader, NUTS_LEVEL_2)));
        nuts.addAll(nuts(open(loader, NUTS_LEVEL_3)));
        nuts.sort(Comparator.comparing(NutsRegion::code));
        return new ReferenceData(nuts, nace(open(loader, NACE)));
    }

    private static InputStream open(ClassLoader loader, String resource) {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("reference file missing from the bundle: " + resource);
        }
        return in;
    }

    /**
     * The regions of a GISCO NUTS GeoJSON file, from each feature's properties. Streams over the
     * file and skips the geometries, which are most of its size.
     */
    public static List<NutsRegion> nuts(InputStream geojson) {
        try (InputStream in = geojson; JsonParser p = new JsonFactory(JSON).createParser(in)) {
            List<NutsRegion> out = new ArrayList<>();
            expect(p.nextToken(), JsonToken.START_OBJECT, "a GeoJSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!"features".equals(field)) {
                    p.skipChildren();
                    continue;
                }
                expect(p.currentToken(), JsonToken.START_ARRAY, "a features array");
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    out.add(feature(p));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NUTS GeoJSON", e);
        }
    }

    private static NutsRegion feature(JsonParser p) throws IOException {
        JsonNode properties = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if ("properties".equals(field)) {
                properties = p.readValueAsTree();
            } else {
                p.skipChildren();
            }
        }
        if (properties == null) {
            throw new IllegalArgumentException("NUTS feature without properties");
        }
        String code = text(properties, "NUTS_ID");
        int level = properties.path("LEVL_CODE").asInt(-1);
        String country = text(properties, "CNTR_CODE");
        String name = text(properties, "NAME_LATN");
        if (!NUTS_CODE.matcher(code).matches() || level != code.length() - 2 || !code.startsWith(country)) {
            throw new IllegalArgumentException("inconsistent NUTS feature: " + properties);
        }
        return new NutsRegion(code, level, country, name);
    }

    /**
     * NACE Rev.2 classes and divisions from the SK NACE code list ({@code {"klasifikacie":[{"kod":"62010",
     * "nazov":{"sk":..., "en":...}}]}}). The first four digits of a 5-digit SK code are the NACE class;
     * where Slovakia splits a class into sub-classes (01491 ... 01499) the class takes their labels
     * joined. The file has no division titles, so a division is labelled with its classes' labels.
     */
    public static List<NaceCode> nace(InputStream json) {
        JsonNode root;
        try (InputStream in = json) {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the NACE code list", e);
        }
        JsonNode items = root.path("klasifikacie");
        if (!items.isArray() || items.isEmpty()) {
            throw new IllegalArgumentException("NACE code list without 'klasifikacie'");
        }
        Map<String, Labels> classes = new TreeMap<>();
        for (JsonNode item : items) {
            String sk = text(item, "kod");
            if (!SK_NACE.matcher(sk).matches()) {
                throw new IllegalArgumentException("not a 5-digit SK NACE code: " + sk);
            }
            String nace = sk.substring(0, 2) + "." + sk.substring(2, 4);
            classes.computeIfAbsent(nace, k -> new Labels())
                    .add(text(item.path("nazov"), "en"), item.path("nazov").path("sk").asText(null));
        }
        Map<String, Labels> divisions = new TreeMap<>();
        classes.forEach((code, labels) -> divisions.computeIfAbsent(code.substring(0, 2), k -> new Labels())
                .add(labels.en(), labels.sk()));
        List<NaceCode> out = new ArrayList<>();
        divisions.forEach((code, labels) -> out.add(new NaceCode(code, labels.en(), labels.sk())));
        classes.forEach((code, labels) -> out.add(new NaceCode(code, labels.en(), labels.sk())));
        out.sort(Comparator.comparing(NaceCode::code));
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new IllegalArgumentException("missing '" + field + "' in " + node);
        }
        return v.asText().trim();
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + what + ", found " + actual);
        }
    }

    /** Distinct labels in file order (some sub-classes repeat their class's label). */
    private static final class Labels {
        private final Set<String> en = new LinkedHashSet<>();
        private final Set<String> sk = new LinkedHashSet<>();

        Labels add(String labelEn, String labelSk) {
            en.add(labelEn);
            if (labelSk != null && !labelSk.isBlank()) {
                sk.add(labelSk.trim());
            }
            return this;
        }

        String en() {
            return join(en);
        }

        String sk() {
            return sk.isEmpty() ? null : join(sk);
        }
    }

    /** Joins labels with "; ", cut at a label boundary so it fits the column. */
    static String join(Set<String> labels) {
        StringBuilder b = new StringBuilder();
        for (String label : labels) {
            String sep = b.length() == 0 ? "" : "; ";
            if (b.length() + sep.length() + label.length() > LABEL_MAX - 3) {
                if (b.length() == 0) {
                    return label.substring(0, LABEL_MAX - 1) + "…";
                }
                return b.append("; …").toString();
            }
            b.append(sep).append(label);
        }
        return b.toString();
    }
}
