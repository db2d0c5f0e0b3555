package eu.danubia.connector.eurostat.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

import eu.danubia.connector.sdk.Item;
import eu.danubia.connector.sdk.SourceReader;

/**
 * Picks the configured dataset a document belongs to from its name, then reads it with
 * {@link EurostatTsvReader}: a pulled URL ends in the dataset code
 * ({@code .../data/nama_10r_3empers?format=TSV}), a dropped file starts with it
 * ({@code nama_10r_3empers.tsv.gz}, {@code nama_10r_3empers-2024.tsv}).
 */
final class EurostatReader implements SourceReader {

    private final List<DatasetSpec> datasets;

    EurostatReader(List<DatasetSpec> datasets) {
        this.datasets = List.copyOf(datasets);
    }

    @Override
    public void read(InputStream in, String name, Consumer<Item> sink) throws IOException {
        DatasetSpec spec = datasetOf(name);
        if (spec == null) {
            throw new IOException("no configured dataset matches the document " + name + "; configured: "
                    + datasets.stream().map(DatasetSpec::code).toList());
        }
        new EurostatTsvReader(spec).read(in, name, sink);
    }

    /** The configured dataset whose code the document's last path segment is or starts with (the longest), or null. */
    DatasetSpec datasetOf(String name) {
        String segment = name;
        int query = segment.indexOf('?');
        if (query >= 0) {
            segment = segment.substring(0, query);
        }
        segment = segment.substring(segment.lastIndexOf('/') + 1);
        DatasetSpec best = null;
        for (DatasetSpec spec : datasets) {
            String code = spec.code();
            boolean matches = segment.equalsIgnoreCase(code) || segment.length() > code.length()
                    && segment.regionMatches(true, 0, code, 0, code.length()) && !isCodeCharacter(segment.charAt(code.length()));
            if (matches && (best == null || code.length() > best.code().length())) {
                best = spec;
            }
        }
        return best;
    }

    /** Dataset codes are letters, digits and '_': nama_10r_3empers must not match nama_10r_3empers_x. */
    private static boolean isCodeCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
