package eu.danubia.connector.sdk.example;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.connector.sdk.Item;
import eu.danubia.connector.sdk.Lines;
import eu.danubia.connector.sdk.SourceReader;

/**
 * Reads the example format: UTF-8 text, one company per line, fields separated by {@code ;} and never quoted,
 * a header line first.
 *
 * <pre>
 * country;national_id;name;legal_form;nace;street;city;postal_code;status;founded_on
 * CZ;26168685;Seznam.cz, a.s.;121;62090 63120;Radlická 3294/10;Praha 5;15000;ACTIVE;2000-04-05
 * </pre>
 *
 * A reader is a pure function of its input: no Camel, no HTTP, no database. Each row becomes an
 * {@link Item.Accepted} or an {@link Item.Rejected} with the reason; only a document that is not this format at
 * all (a wrong header) throws.
 */
public final class CompanyCsvReader implements SourceReader {

    static final String HEADER = "country;national_id;name;legal_form;nace;street;city;postal_code;status;founded_on";
    private static final int FIELDS = 10;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern NATIONAL_ID = Pattern.compile("[0-9A-Za-z]{2,20}");
    private static final Set<String> STATUSES = Set.of("ACTIVE", "TERMINATED");

    private final String source;

    /** @param source the connector id, written into every record */
    public CompanyCsvReader(String source) {
        this.source = source;
    }

    @Override
    public void read(InputStream in, String name, Consumer<Item> sink) throws IOException {
        // Lines rejects invalid UTF-8 and over-long lines by itself, and keeps one bad line from spoiling others
        Lines.read(in, Lines.DEFAULT_MAX_LINE_BYTES, sink, (number, text) -> {
            if (number == 1) {
                if (!text.equals(HEADER)) {
                    throw new IOException(name + " is not an example company file: the first line must be " + HEADER);
                }
                return;
            }
            if (!text.isBlank()) {
                sink.accept(row("line " + number, text));
            }
        });
    }

    private Item row(String position, String text) {
        String[] f = text.split(";", -1);
        if (f.length != FIELDS) {
            return new Item.Rejected(position, text, "expected " + FIELDS + " fields separated by ';', found " + f.length);
        }
        String country = f[0].strip();
        if (!COUNTRY.matcher(country).matches()) {
            return new Item.Rejected(position, text, "country: '" + country + "' is not a two-letter ISO code");
        }
        String nationalId = f[1].strip();
        if (!NATIONAL_ID.matcher(nationalId).matches()) {
            return new Item.Rejected(position, text, "national_id: '" + nationalId + "' is not 2-20 letters or digits");
        }
        String name = blankToNull(f[2]);
        if (name == null) {
            return new Item.Rejected(position, text, "name: empty");
        }
        String status = f[8].strip();
        if (!STATUSES.contains(status)) {
            return new Item.Rejected(position, text, "status: '" + status + "' is not one of " + STATUSES);
        }
        LocalDate foundedOn = null;
        if (!f[9].isBlank()) {
            try {
                foundedOn = LocalDate.parse(f[9].strip());
            } catch (DateTimeParseException e) {
                return new Item.Rejected(position, text, "founded_on: '" + f[9].strip() + "' is not a date (YYYY-MM-DD)");
            }
        }
        List<String> nace = f[4].isBlank() ? List.of() : Arrays.asList(f[4].strip().split("\\s+"));
        return new Item.Accepted(new CompanyRecord(source, nationalId, name, blankToNull(f[3]), nace, blankToNull(f[5]),
                blankToNull(f[6]), blankToNull(f[7]), country, null, status, foundedOn), position);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
