package eu.danubia.connector.sk.ruz.internal;

import static eu.danubia.connector.sdk.json.JsonInput.text;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.connector.sdk.Item;
import eu.danubia.connector.sdk.SourceReader;
import eu.danubia.connector.sdk.json.JsonInput;

/**
 * Reads accounting units of the Slovak Register of Financial Statements ({@code GET
 * /cruz-public/api/uctovna-jednotka?id=...}): one unit, or a JSON array of units (a dropped file).
 *
 * <p>Financial statements ({@code uctovna-zavierka}) are rejected with the reason: they carry the
 * period and the ids of their reports, not figures. The figures are in the reports
 * ({@code uctovny-vykaz}), as positional table rows whose meaning depends on the report's template
 * ({@code sablona}); none is recorded in {@code shared/data}, so no {@code FinancialStatement} is made
 * from RUZ yet.
 *
 * <p>Positions are {@code $} or {@code $[i]} (the SDK puts the document's name before them). A unit that cannot be mapped is rejected
 * on its own; JSON that cannot be parsed fails the rest of the document with an {@link IOException}
 * naming where the parser stopped, after the units before it were handed on.
 */
public final class RuzReader implements SourceReader {

    public static final String SOURCE = "sk-ruz";

    private static final Pattern ICO = Pattern.compile("\\d{8}");
    private static final Pattern SK_NACE = Pattern.compile("\\d{5}");

    private final RuzCodebook legalForms;

    public RuzReader() {
        this(RuzCodebook.legalForms());
    }

    RuzReader(RuzCodebook legalForms) {
        this.legalForms = Objects.requireNonNull(legalForms, "legalForms");
    }

    @Override
    public void read(InputStream in, String name, Consumer<Item> sink) throws IOException {
        JsonInput.read(in, (parser, first) -> {
            if (first == JsonToken.START_ARRAY) {
                JsonInput.eachElement(parser, "$", (unit, path) -> emit(unit, path, sink));
            } else if (first == JsonToken.START_OBJECT) {
                JsonNode unit = JsonInput.readTree(parser);
                if (unit.has("id") && unit.get("id").isArray()) {
                    throw new IOException("a list of ids (uctovne-jednotky), not accounting units");
                }
                emit(unit, "$", sink);
            } else {
                throw new IOException("not a RUZ answer (expected a JSON object or array, found "
                        + (first == null ? "nothing" : first) + ")");
            }
        });
    }

    private void emit(JsonNode unit, String path, Consumer<Item> sink) {
        try {
            sink.accept(new Item.Accepted(map(unit), path));
        } catch (InvalidRecord e) {
            sink.accept(new Item.Rejected(path, unit.toString(), e.getMessage()));
        }
    }

    CompanyRecord map(JsonNode unit) throws InvalidRecord {
        String unmappable = JsonInput.unmappable(unit);
        if (unmappable != null) {
            throw new InvalidRecord(unmappable);
        }
        if (unit.has("idUJ") || unit.has("idUctovnychVykazov")) {
            throw new InvalidRecord("a financial statement (uctovna-zavierka), not an accounting unit: it carries no"
                    + " figures (they are in its reports, uctovny-vykaz, which this connector does not read yet)");
        }
        if (unit.path("zmazany").asBoolean(false)) {
            throw new InvalidRecord("deleted in the register (zmazany)");
        }
        String ico = text(unit, "ico");
        if (ico == null) {
            throw new InvalidRecord("no ico");
        }
        if (!ICO.matcher(ico).matches()) {
            throw new InvalidRecord("ico is not 8 digits: '" + ico + "'");
        }
        String name = text(unit, "nazovUJ");
        if (name == null) {
            throw new InvalidRecord("no nazovUJ");
        }

        String kraj = SkRegions.kraj(text(unit, "kraj"), text(unit, "okres"));
        if (SkRegions.ABROAD.equals(kraj)) {
            throw new InvalidRecord("seat abroad (kraj 9, Zahraničie): the register does not say in which country");
        }
        if (kraj != null && !SkRegions.NUTS3.containsKey(kraj)) {
            throw new InvalidRecord("not a kraj code of the register: '" + kraj + "'");
        }

        return new CompanyRecord(SOURCE, ico, name, legalForm(text(unit, "pravnaForma")), nace(text(unit, "skNace")),
                text(unit, "ulica"), text(unit, "mesto"), postalCode(text(unit, "psc")), "SK",
                kraj == null ? null : SkRegions.NUTS3.get(kraj),
                date(unit, "datumZrusenia") != null ? "TERMINATED" : "ACTIVE", date(unit, "datumZalozenia"));
    }

    /** The Slovak name from the register's code list; a code the list does not know stays the code. */
    private String legalForm(String code) {
        if (code == null) {
            return null;
        }
        RuzCodebook.Entry entry = legalForms.get(code);
        return entry == null || entry.sk() == null ? code : entry.sk();
    }

    /** SK NACE is NACE Rev.2 with a fifth, national digit: {@code 69200} is class {@code 69.20}. */
    private static List<String> nace(String skNace) throws InvalidRecord {
        if (skNace == null) {
            return List.of();
        }
        if (!SK_NACE.matcher(skNace).matches()) {
            throw new InvalidRecord("skNace is not a 5-digit SK NACE code: '" + skNace + "'");
        }
        return List.of(skNace.substring(0, 2) + "." + skNace.substring(2, 4));
    }

    /** Slovak postal codes are written {@code 831 06} as often as {@code 83106}; stored as the five digits. */
    private static String postalCode(String psc) {
        return psc == null ? null : psc.replace(" ", "");
    }

    private static LocalDate date(JsonNode unit, String field) throws InvalidRecord {
        String value = text(unit, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRecord(field + " is not a date (yyyy-mm-dd): '" + value + "'");
        }
    }
}
