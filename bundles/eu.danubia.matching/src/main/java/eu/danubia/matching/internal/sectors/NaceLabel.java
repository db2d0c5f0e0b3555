package eu.danubia.matching.internal.sectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One entry of the SK NACE code list: a 5-digit Slovak sub-class whose first four digits are the NACE
 * Rev.2 class, with the register's short English and Slovak labels (e.g. 10890, "Manuf.of oth.food
 * pr.nec", "Výroba ost.potrav.výr.").
 */
public record NaceLabel(String code, String label, String labelSk) {

    /** Where the build puts {@code shared/data/nace/sk-nace-rev2.json}. */
    public static final String BUNDLED = "/reference/nace/sk-nace-rev2.json";

    private static final Pattern SK_CODE = Pattern.compile("\\d{5}");

    public NaceLabel {
        if (code == null || !SK_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a 5-digit SK NACE code: " + code);
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("no English label for " + code);
        }
    }

    /** The NACE Rev.2 class in the platform's format: {@code 62010} → {@code 62.01}. */
    public String naceClass() {
        return code.substring(0, 2) + "." + code.substring(2, 4);
    }

    /** The NACE Rev.2 division: {@code 62010} → {@code 62}. */
    public String division() {
        return code.substring(0, 2);
    }

    /** The entries of a code list in the register's format {@code {"klasifikacie":[{"kod":..., "nazov":{"sk":..., "en":...}}]}}. */
    public static List<NaceLabel> read(InputStream json) throws IOException {
        JsonNode items = new ObjectMapper().readTree(json).path("klasifikacie");
        if (!items.isArray() || items.isEmpty()) {
            throw new IOException("NACE code list without 'klasifikacie'");
        }
        List<NaceLabel> out = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode names = item.path("nazov");
            out.add(new NaceLabel(item.path("kod").asText(null), names.path("en").asText("").trim(),
                    names.path("sk").asText("").trim()));
        }
        return List.copyOf(out);
    }

    /** The list shipped in this bundle. */
    public static List<NaceLabel> bundled() {
        try (InputStream in = NaceLabel.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks " + BUNDLED);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
        }
    }
}
