package eu.danubia.connector.eurostat.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import eu.danubia.api.ingest.RegionStat;
import eu.danubia.connector.sdk.Item;
import eu.danubia.connector.sdk.Lines;
import eu.danubia.connector.sdk.SourceReader;

/**
 * Reads Eurostat's TSV bulk format (plain or gzip, as the dissemination API sends it) into
 * {@link RegionStat}s.
 * <p>
 * The first column is a comma-separated key whose dimension names the header gives
 * ({@code freq,unit,wstatus,nace_r2,geo\TIME_PERIOD}); the other columns are periods. Cells are
 * {@code value flag} with a trailing space; {@code :} is missing (value null, the flag kept:
 * {@code : c} is confidential). Only annual columns are read. Key dimensions that are not the
 * region, the activity, the unit or the frequency qualify the series, and go into the dataset id
 * ({@code nama_10r_3empers.wstatus.EMP}) so that series differing only there stay distinct. A
 * dataset without an activity dimension gets Eurostat's {@code TOTAL}. Rows for aggregates that
 * are not a country or NUTS region ({@code EU27_2020}, {@code EA20}) are skipped: they are valid
 * data, just not regional.
 */
final class EurostatTsvReader implements SourceReader {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern FLAG = Pattern.compile("[a-z]{1,10}");
    /** A country (NUTS 0, {@code EL} for Greece) or NUTS 1-3 region. */
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}[0-9A-Z]{0,3}");
    static final String ALL_ACTIVITIES = "TOTAL";

    private final DatasetSpec spec;
    private final int maxLineBytes;

    EurostatTsvReader(DatasetSpec spec) {
        this(spec, Lines.DEFAULT_MAX_LINE_BYTES);
    }

    EurostatTsvReader(DatasetSpec spec, int maxLineBytes) {
        this.spec = spec;
        this.maxLineBytes = maxLineBytes;
    }

    DatasetSpec spec() {
        return spec;
    }

    @Override
    public void read(InputStream in, String name, Consumer<Item> sink) throws IOException {
        Pass pass = new Pass(sink);
        try {
            Lines.read(gunzipped(in), maxLineBytes, pass::rejected, pass::line);
        } catch (DocumentError e) {
            throw new IOException(e.getMessage());
        }
        if (pass.layout == null) {
            throw new IOException("empty, no header line");
        }
    }

    /** The dissemination API answers gzip; a dropped file may be either. */
    private static InputStream gunzipped(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered, 64 * 1024) : buffered;
    }

    private static final class DocumentError extends RuntimeException {
        DocumentError(String message) {
            super(message, null, false, false);
        }
    }

    /** Where each RegionStat field sits in the key, decided once from the header. */
    private record Layout(List<String> dimensions, int geo, int nace, int unit, int freq, int[] qualifiers,
            int[] filtered, List<Set<String>> kept, int[] yearColumns, int[] years, int columns) {
    }

    private final class Pass {
        private final Consumer<Item> sink;
        private Layout layout;

        Pass(Consumer<Item> sink) {
            this.sink = sink;
        }

        /** A line Lines could not read; before the header, nothing after it can be understood. */
        void rejected(Item item) {
            if (layout == null && item instanceof Item.Rejected r) {
                throw new DocumentError("the header, " + r.position() + ": " + r.reason());
            }
            sink.accept(item);
        }

        void line(long number, String text) {
            if (text.isBlank()) {
                return;
            }
            List<String> cells = Arrays.asList(text.split("\t", -1));
            if (layout == null) {
                layout = header(cells);
                return;
            }
            String position = "line " + number;
            if (cells.size() != layout.columns()) {
                sink.accept(new Item.Rejected(position, text, cells.size() + " columns, the header has " + layout.columns()));
                return;
            }
            String[] key = cells.get(0).split(",", -1);
            if (key.length != layout.dimensions().size()) {
                sink.accept(new Item.Rejected(position, text, "key '" + cells.get(0) + "' has " + key.length
                        + " parts, the header names " + layout.dimensions().size() + " dimensions " + layout.dimensions()));
                return;
            }
            for (int i = 0; i < key.length; i++) {
                key[i] = key[i].strip();
            }
            for (int f = 0; f < layout.filtered().length; f++) {
                if (!layout.kept().get(f).contains(key[layout.filtered()[f]])) {
                    return;
                }
            }
            if (layout.freq() >= 0 && !"A".equals(key[layout.freq()])) {
                sink.accept(new Item.Rejected(position, text,
                        "frequency " + key[layout.freq()] + ": only annual series are read"));
                return;
            }
            String geo = key[layout.geo()];
            if (!REGION.matcher(geo).matches()) {
                return;
            }
            String nace = layout.nace() < 0 ? ALL_ACTIVITIES : key[layout.nace()];
            String unit = key[layout.unit()];
            if (nace.isEmpty() || unit.isEmpty()) {
                sink.accept(new Item.Rejected(position, text, "key '" + cells.get(0) + "' has no "
                        + (nace.isEmpty() ? layout.dimensions().get(layout.nace()) : layout.dimensions().get(layout.unit()))));
                return;
            }
            StringBuilder dataset = new StringBuilder(spec.code());
            for (int q : layout.qualifiers()) {
                dataset.append('.').append(layout.dimensions().get(q)).append('.').append(key[q]);
            }
            String series = dataset.toString();
            for (int c = 0; c < layout.yearColumns().length; c++) {
                int year = layout.years()[c];
                String cell = cells.get(layout.yearColumns()[c]).strip();
                String value = cell;
                String flag = "";
                int space = cell.indexOf(' ');
                if (space >= 0) {
                    value = cell.substring(0, space);
                    flag = cell.substring(space + 1).strip();
                }
                if (!flag.isEmpty() && !FLAG.matcher(flag).matches()) {
                    sink.accept(new Item.Rejected(position + ", " + year, cell, year + ": not a Eurostat flag: '" + flag + "'"));
                    continue;
                }
                BigDecimal figure = null;
                if (!value.isEmpty() && !":".equals(value)) {
                    try {
                        figure = new BigDecimal(value);
                    } catch (NumberFormatException e) {
                        sink.accept(new Item.Rejected(position + ", " + year, cell, year + ": not a number: '" + value + "'"));
                        continue;
                    }
                }
                sink.accept(new Item.Accepted(new RegionStat(series, geo, nace, unit, year, figure, flag), position + ", " + year));
            }
        }

        private Layout header(List<String> header) {
            String first = header.get(0).strip();
            int slash = first.indexOf('\\');
            if (slash < 0) {
                throw new DocumentError("the first header cell '" + first
                        + "' is not Eurostat's 'dimension,...,geo\\TIME_PERIOD'");
            }
            List<String> dimensions = Arrays.stream(first.substring(0, slash).split(",", -1))
                    .map(d -> d.strip().toLowerCase(Locale.ROOT)).toList();
            if (dimensions.stream().anyMatch(String::isEmpty)) {
                throw new DocumentError("empty dimension name in '" + first + "'");
            }
            int geo = role(dimensions, spec.geoDimension(), "geoDimension",
                    dimensions.contains("geo") ? dimensions.indexOf("geo") : dimensions.size() - 1);
            int nace = role(dimensions, spec.naceDimension(), "naceDimension", firstMatching(dimensions, "nace_r2", "nace"));
            int unit = role(dimensions, spec.unitDimension(), "unitDimension", firstMatching(dimensions, "unit", "indic"));
            if (unit < 0) {
                throw new DocumentError("no dimension gives the unit among " + dimensions + "; name it with unitDimension");
            }
            int freq = dimensions.indexOf("freq");
            List<Integer> qualifiers = new ArrayList<>();
            for (int d = 0; d < dimensions.size(); d++) {
                if (d != geo && d != nace && d != unit && d != freq) {
                    qualifiers.add(d);
                }
            }
            int[] filtered = new int[spec.filters().size()];
            List<Set<String>> kept = new ArrayList<>();
            int f = 0;
            for (var filter : spec.filters().entrySet()) {
                int index = dimensions.indexOf(filter.getKey().toLowerCase(Locale.ROOT));
                if (index < 0) {
                    throw new DocumentError("filter on " + filter.getKey() + ", but the dataset's dimensions are " + dimensions);
                }
                filtered[f++] = index;
                kept.add(filter.getValue());
            }
            List<Integer> yearColumns = new ArrayList<>();
            List<Integer> years = new ArrayList<>();
            for (int c = 1; c < header.size(); c++) {
                String period = header.get(c).strip();
                if (YEAR.matcher(period).matches()) {
                    yearColumns.add(c);
                    years.add(Integer.parseInt(period));
                }
            }
            if (yearColumns.isEmpty()) {
                throw new DocumentError("no annual period among the columns " + header.subList(1, Math.min(header.size(), 6)));
            }
            return new Layout(dimensions, geo, nace, unit, freq, ints(qualifiers), filtered, kept, ints(yearColumns),
                    ints(years), header.size());
        }

        private int role(List<String> dimensions, String configured, String option, int derived) {
            if (configured == null) {
                return derived;
            }
            int index = dimensions.indexOf(configured.toLowerCase(Locale.ROOT));
            if (index < 0) {
                throw new DocumentError(option + "=" + configured + ", but the dataset's dimensions are " + dimensions);
            }
            return index;
        }
    }

    /** The dimension named exactly {@code exact}, else the first starting with {@code prefix}, else -1. */
    private static int firstMatching(List<String> dimensions, String exact, String prefix) {
        int index = dimensions.indexOf(exact);
        if (index >= 0) {
            return index;
        }
        for (int d = 0; d < dimensions.size(); d++) {
            if (dimensions.get(d).startsWith(prefix)) {
                return d;
            }
        }
        return -1;
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
