package eu.danubia.connector.ro.onrc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.connector.sdk.Item;
import eu.danubia.connector.sdk.Lines;
import eu.danubia.connector.sdk.SourceReader;

/**
 * Reads ONRC's open-data company list ({@code od_firme.csv} on data.gov.ro) into
 * {@link CompanyRecord}s, national id = CUI, country RO.
 * <p>
 * The file is caret-separated UTF-8 with a byte-order mark, about 4 million lines. Current files
 * have {@code DENUMIRE^CUI^COD_INMATRICULARE^DATA_INMATRICULARE^EUID^FORMA_JURIDICA^ADR_TARA^
 * ADR_JUDET^ADR_LOCALITATE^ADR_DEN_STRADA^ADR_NR_STRADA^ADR_BLOC^ADR_SCARA^ADR_ETAJ^ADR_APARTAMENT^
 * ADR_COD_POSTAL^ADR_SECTOR^ADR_COMPLETARE^WEB^TARA_FIRMA_MAMA}, the status in a separate file
 * ({@code od_stare_firma.csv}); older files had {@code STARE_FIRMA} and one {@code ADRESA} column.
 * Columns are found by name, so both read.
 * <p>
 * The format has no quoting: the caret is not used in names, and quotes in names are part of the
 * name, often unbalanced ({@code "LEMNLIND" SRL}, {@code "LEMNLIND SRL}). They are therefore kept
 * as text, and a row is exactly one line ({@link Lines}): such a row is stored when it has the
 * header's number of fields and rejected at its line otherwise, and never affects the next one.
 */
final class OnrcReader implements SourceReader {

    static final String SOURCE = "ro-onrc";

    private static final Pattern CUI = Pattern.compile("(?:RO)?\\s*(\\d{1,10})");
    /** Strict, so that 31/02/2020 is an error rather than 29 February. */
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT));

    private final int maxLineBytes;

    OnrcReader() {
        this(Lines.DEFAULT_MAX_LINE_BYTES);
    }

    OnrcReader(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public void read(InputStream in, String name, Consumer<Item> sink) throws IOException {
        Pass pass = new Pass(sink);
        try {
            Lines.read(in, maxLineBytes, pass::rejected, pass::line);
        } catch (DocumentError e) {
            throw new IOException(e.getMessage());
        }
        if (pass.columns == null) {
            throw new IOException("empty, no header line");
        }
    }

    /** Splits on every caret, keeping empty fields, also trailing ones. */
    static List<String> fields(String text) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        int at;
        while ((at = text.indexOf('^', start)) >= 0) {
            fields.add(text.substring(start, at));
            start = at + 1;
        }
        fields.add(text.substring(start));
        return fields;
    }

    private static final class DocumentError extends RuntimeException {
        DocumentError(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Pass {
        /** Four million rows name 42 counties; normalising a name costs about a tenth of reading its row. */
        private static final int COUNTY_MEMO = 256;

        private final Consumer<Item> sink;
        private final Map<String, String> counties = new HashMap<>();
        private Map<String, Integer> columns;
        private int size;

        Pass(Consumer<Item> sink) {
            this.sink = sink;
        }

        /** A line Lines could not read; before the header, nothing after it can be understood. */
        void rejected(Item item) {
            if (columns == null && item instanceof Item.Rejected r) {
                throw new DocumentError("the header, " + r.position() + ": " + r.reason());
            }
            sink.accept(item);
        }

        void line(long number, String text) {
            if (text.isBlank()) {
                return;
            }
            List<String> cells = fields(text);
            if (columns == null) {
                header(number, text, cells);
                return;
            }
            String position = "line " + number;
            if (cells.size() != size) {
                sink.accept(new Item.Rejected(position, text, cells.size() + " fields, the header has " + size));
                return;
            }
            Row row = new Row(cells);
            List<String> errors = new ArrayList<>();

            String cui = null;
            String rawCui = row.get("CUI");
            var matcher = rawCui == null ? null : CUI.matcher(rawCui);
            if (matcher == null || !matcher.matches()) {
                errors.add(rawCui == null ? "CUI is empty" : "CUI: not a number: '" + rawCui + "'");
            } else {
                cui = matcher.group(1).replaceFirst("^0+", "");
                if (cui.isEmpty()) {
                    errors.add("CUI is 0 (the register gives none)");
                }
            }
            String denumire = row.get("DENUMIRE");
            if (denumire == null) {
                errors.add("DENUMIRE is empty");
            }
            LocalDate registered = null;
            String rawDate = row.get("DATA_INMATRICULARE");
            if (rawDate != null) {
                registered = date(rawDate);
                if (registered == null) {
                    errors.add("DATA_INMATRICULARE: not a date: '" + rawDate + "'");
                }
            }
            if (!errors.isEmpty()) {
                sink.accept(new Item.Rejected(position, text, String.join("; ", errors)));
                return;
            }
            boolean structured = columns.containsKey("ADR_DEN_STRADA");
            sink.accept(new Item.Accepted(new CompanyRecord(SOURCE, cui, denumire, row.get("FORMA_JURIDICA"), List.of(),
                    structured ? row.street() : row.get("ADRESA"), row.get("ADR_LOCALITATE"), row.get("ADR_COD_POSTAL"), "RO",
                    nuts3(row.get("ADR_JUDET")), status(row.get("STARE_FIRMA")), registered), position));
        }

        private String nuts3(String county) {
            if (county == null) {
                return null;
            }
            String code = counties.get(county);
            if (code == null && !counties.containsKey(county)) {
                code = Counties.nuts3(county);
                if (counties.size() < COUNTY_MEMO) {
                    counties.put(county, code);
                }
            }
            return code;
        }

        private void header(long number, String text, List<String> cells) {
            Map<String, Integer> found = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                found.putIfAbsent(cells.get(i).strip().toUpperCase(Locale.ROOT), i);
            }
            for (String required : new String[] {"DENUMIRE", "CUI"}) {
                if (!found.containsKey(required)) {
                    throw new DocumentError("line " + number + " is not an od_firme header, it has no " + required
                            + " column: " + text.substring(0, Math.min(200, text.length())));
                }
            }
            columns = found;
            size = cells.size();
        }

        /** One row's cells by column name; blank cells and absent columns are null. */
        private final class Row {
            private final List<String> fields;

            Row(List<String> fields) {
                this.fields = fields;
            }

            String get(String column) {
                Integer index = columns.get(column);
                if (index == null) {
                    return null;
                }
                String value = fields.get(index).strip();
                return value.isEmpty() ? null : value;
            }

            /** "Str. Exemplu 10, bl. A1, sc. 2, et. 3, ap. 14", the register's own abbreviations. */
            String street() {
                StringBuilder street = new StringBuilder();
                append(street, "", get("ADR_DEN_STRADA"), "");
                append(street, "", get("ADR_NR_STRADA"), " ");
                append(street, "bl. ", get("ADR_BLOC"), ", ");
                append(street, "sc. ", get("ADR_SCARA"), ", ");
                append(street, "et. ", get("ADR_ETAJ"), ", ");
                append(street, "ap. ", get("ADR_APARTAMENT"), ", ");
                append(street, "", get("ADR_COMPLETARE"), ", ");
                return street.isEmpty() ? null : street.toString();
            }

            private void append(StringBuilder street, String label, String value, String separator) {
                if (value != null) {
                    street.append(street.isEmpty() ? "" : separator).append(label).append(value);
                }
            }
        }
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        return null;
    }

    /**
     * Older files' {@code STARE_FIRMA}, by the ONRC status nomenclature (N_STARE_FIRMA) code or its
     * label: 1048 funcțiune, 1049 dizolvare, 1052 lichidare, 1070 faliment, 1074 întrerupere
     * temporară, 1084 radiată. Other values are kept as the register writes them.
     */
    static String status(String value) {
        if (value == null) {
            return null;
        }
        String key = Counties.key(value);
        if (value.contains("1084") || key.contains("radiat")) {
            return "TERMINATED";
        }
        if (value.contains("1049") || value.contains("1052") || value.contains("1070") || key.contains("dizolv")
                || key.contains("lichid") || key.contains("faliment") || key.contains("insolv")) {
            return "IN_LIQUIDATION";
        }
        if (value.contains("1074") || key.contains("intrerupere")) {
            return "SUSPENDED";
        }
        if (value.contains("1048") || key.contains("functiune")) {
            return "ACTIVE";
        }
        return value;
    }
}
