package eu.danubia.connector.ua.edr.internal;

import static eu.danubia.connector.sdk.json.JsonInput.text;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.connector.sdk.Item;
import eu.danubia.connector.sdk.SourceReader;
import eu.danubia.connector.sdk.json.JsonInput;

/**
 * Reads legal entities of the Ukrainian Unified State Register (ЄДР) in the JSON form of the
 * data.gov.ua open-data set: a JSON array of records with upper-case field names ({@code EDRPOU},
 * {@code NAME}, {@code OPF}, {@code ADDRESS}, {@code STAN}, {@code REGISTRATION},
 * {@code ACTIVITY_KINDS} ...), or one such record. The full register is large, so records are read
 * one at a time.
 *
 * <p>Positions are {@code $[i]} (or {@code $} for a single record; the SDK puts the document's name
 * before them). A record that cannot
 * be mapped is rejected on its own; JSON that cannot be parsed (a truncated download) fails the rest
 * of the document with an {@link IOException} naming where the parser stopped, after the records
 * before it were handed on.
 */
public final class EdrReader implements SourceReader {

    public static final String SOURCE = "ua-edr";

    private static final Pattern EDRPOU = Pattern.compile("\\d{8}");
    /** KVED-2010 follows NACE Rev.2 down to the class; older KVED-2005 codes have a third part (74.84.0). */
    private static final Pattern KVED_2010 = Pattern.compile("\\d{2}\\.\\d{2}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    /** The mark of the main activity in {@code ACTIVITY_KIND.PRIMARY}. */
    private static final String PRIMARY = "так";

    @Override
    public void read(InputStream in, String name, Consumer<Item> sink) throws IOException {
        JsonInput.read(in, (parser, first) -> {
            if (first == JsonToken.START_ARRAY) {
                JsonInput.eachElement(parser, "$", (record, path) -> emit(record, path, sink));
            } else if (first == JsonToken.START_OBJECT) {
                emit(JsonInput.readTree(parser), "$", sink);
            } else {
                throw new IOException("not EDR records (expected a JSON array or object, found "
                        + (first == null ? "nothing" : first) + ")");
            }
        });
    }

    private static void emit(JsonNode record, String path, Consumer<Item> sink) {
        try {
            sink.accept(new Item.Accepted(map(record), path));
        } catch (InvalidRecord e) {
            sink.accept(new Item.Rejected(path, withoutPersons(record).toString(), e.getMessage()));
        }
    }

    /** Fields naming private persons, which the record does not map and a dead letter must not keep. */
    static final List<String> PERSONAL = List.of("FOUNDERS", "BENEFICIARIES", "SIGNERS", "CONTACTS");

    private static JsonNode withoutPersons(JsonNode record) {
        if (!record.isObject()) {
            return record;
        }
        return ((ObjectNode) record.deepCopy()).without(PERSONAL);
    }

    static CompanyRecord map(JsonNode record) throws InvalidRecord {
        String unmappable = JsonInput.unmappable(record);
        if (unmappable != null) {
            throw new InvalidRecord(unmappable);
        }
        String edrpou = edrpou(record.get("EDRPOU"));
        String name = text(record, "NAME");
        if (name == null) {
            throw new InvalidRecord("no NAME");
        }
        UaAddress address = UaAddress.parse(text(record, "ADDRESS"));
        return new CompanyRecord(SOURCE, edrpou, name, text(record, "OPF"), activities(record), address.street(),
                address.city(), address.postalCode(), "UA", null, status(text(record, "STAN")), registered(record));
    }

    /**
     * Eight digits. Converters that treat the code as a number drop its leading zeros
     * ({@code 00032129} becomes {@code 32129}); a JSON number is padded back, a string is taken as written.
     */
    private static String edrpou(JsonNode value) throws InvalidRecord {
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new InvalidRecord("no EDRPOU");
        }
        String code = value.isIntegralNumber() && value.canConvertToLong() && value.longValue() > 0
                && value.longValue() <= 99_999_999L
                ? String.format(Locale.ROOT, "%08d", value.longValue())
                : value.asText().strip();
        if (!EDRPOU.matcher(code).matches()) {
            throw new InvalidRecord("EDRPOU is not 8 digits: '" + code + "'");
        }
        return code;
    }

    /**
     * The main activity first, then the others in the register's order. A converter from the register's
     * XML gives a single activity as an object rather than a one-element list; both are read.
     */
    private static List<String> activities(JsonNode record) throws InvalidRecord {
        JsonNode kinds = record.path("ACTIVITY_KINDS").path("ACTIVITY_KIND");
        List<JsonNode> list = new ArrayList<>();
        if (kinds.isArray()) {
            kinds.forEach(list::add);
        } else if (kinds.isObject()) {
            list.add(kinds);
        }
        List<String> primary = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (JsonNode kind : list) {
            String code = text(kind, "CODE");
            if (code == null) {
                throw new InvalidRecord("activity without CODE: " + kind);
            }
            if (!KVED_2010.matcher(code).matches()) {
                throw new InvalidRecord("not a KVED-2010 class: '" + code + "'");
            }
            List<String> into = PRIMARY.equalsIgnoreCase(text(kind, "PRIMARY")) ? primary : others;
            if (!primary.contains(code) && !others.contains(code)) {
                into.add(code);
            }
        }
        primary.addAll(others);
        return primary;
    }

    /**
     * The register's states ({@code STAN}): registered, being terminated, terminated, and bankruptcy
     * proceedings opened (with or without reorganisation). A state not listed here is left null rather
     * than guessed.
     */
    private static String status(String stan) {
        if (stan == null) {
            return null;
        }
        String s = stan.toLowerCase(Locale.forLanguageTag("uk"));
        if (s.startsWith("зареєстровано")) {
            return "ACTIVE";
        }
        if (s.startsWith("в стані припинення")) {
            return "TERMINATING";
        }
        if (s.startsWith("припинено")) {
            return "TERMINATED";
        }
        if (s.startsWith("порушено справу про банкрутство")) {
            return "INSOLVENT";
        }
        return null;
    }

    /** {@code REGISTRATION} is "date of registration; date of the record; record number". */
    private static LocalDate registered(JsonNode record) throws InvalidRecord {
        String registration = text(record, "REGISTRATION");
        if (registration == null) {
            return null;
        }
        String date = registration.split(";", 2)[0].strip();
        try {
            return LocalDate.parse(date, DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidRecord("REGISTRATION does not begin with a date (dd.mm.yyyy): '" + registration + "'");
        }
    }
}
