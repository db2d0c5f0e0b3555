package eu.danubia.connector.cz.ares.internal;

import static eu.danubia.connector.sdk.json.JsonInput.text;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.danubia.api.ingest.CompanyRecord;
import eu.danubia.connector.sdk.Item;
import eu.danubia.connector.sdk.SourceReader;
import eu.danubia.connector.sdk.json.JsonInput;

/**
 * Reads answers of the ARES public REST API ({@code ares-rest-api-verejne}, v1.3.0): one
 * {@code EkonomickySubjekt} ({@code GET /ekonomicke-subjekty/{ico}}), an
 * {@code EkonomickeSubjektySeznam} ({@code POST /ekonomicke-subjekty/vyhledat}, its subjects in
 * {@code ekonomickeSubjekty}), or a JSON array of subjects (a dropped file).
 *
 * <p>Positions are {@code $} for a single subject and {@code $.ekonomickeSubjekty[i]} or {@code $[i]}
 * in a list (the SDK puts the document's name before them). A subject that cannot be mapped is rejected on its own; JSON
 * that cannot be parsed (a truncated download) fails the rest of the document with an
 * {@link IOException} naming where the parser stopped, after the subjects before it were handed on.
 */
public final class AresReader implements SourceReader {

    public static final String SOURCE = "cz-ares";

    private static final Pattern ICO = Pattern.compile("\\d{8}");
    private static final Pattern LEGAL_FORM = Pattern.compile("\\d{3}");

    @Override
    public void read(InputStream in, String name, Consumer<Item> sink) throws IOException {
        JsonInput.read(in, (parser, first) -> {
            if (first == JsonToken.START_ARRAY) {
                JsonInput.eachElement(parser, "$", (subject, path) -> emit(subject, path, sink));
            } else if (first == JsonToken.START_OBJECT) {
                readObject(parser, sink);
            } else {
                throw new IOException("not an ARES answer (expected a JSON object or array, found "
                        + (first == null ? "nothing" : first) + ")");
            }
        });
    }

    /**
     * A search answer streams its list; any other object is one subject, small enough to hold. The
     * fields of a search answer may come in any order, so the decision waits for the field names.
     */
    private void readObject(JsonParser parser, Consumer<Item> sink) throws IOException {
        ObjectNode single = JsonInput.objectNode();
        boolean list = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("ekonomickeSubjekty") && value == JsonToken.START_ARRAY) {
                list = true;
                JsonInput.eachElement(parser, "$.ekonomickeSubjekty", (subject, path) -> emit(subject, path, sink));
            } else {
                single.set(field, JsonInput.readTree(parser));
            }
        }
        if (!list) {
            emit(single, "$", sink);
        }
    }

    private static void emit(JsonNode subject, String path, Consumer<Item> sink) {
        try {
            sink.accept(new Item.Accepted(map(subject), path));
        } catch (InvalidRecord e) {
            sink.accept(new Item.Rejected(path, subject.toString(), e.getMessage()));
        }
    }

    static CompanyRecord map(JsonNode subject) throws InvalidRecord {
        String unmappable = JsonInput.unmappable(subject);
        if (unmappable != null) {
            throw new InvalidRecord(unmappable);
        }
        String ico = text(subject, "ico");
        String icoId = text(subject, "icoId");
        if (ico == null && icoId != null && ICO.matcher(icoId).matches()) {
            // the spec: icoId is the IČO where one is assigned, else an ARES_ id
            ico = icoId;
        }
        if (ico == null) {
            if (subject.has("kod") && subject.has("popis")) {
                // an ARES error body (schema Chyba) saved or answered in place of a subject
                throw new InvalidRecord("ARES error " + text(subject, "kod") + ": " + text(subject, "popis"));
            }
            throw new InvalidRecord(icoId == null ? "no ico" : "no ico (subject without an IČO, icoId " + icoId + ")");
        }
        if (!ICO.matcher(ico).matches()) {
            throw new InvalidRecord("ico is not 8 digits: '" + ico + "'");
        }
        String name = text(subject, "obchodniJmeno");
        if (name == null) {
            throw new InvalidRecord("no obchodniJmeno");
        }
        String legalFormCode = text(subject, "pravniForma");
        if (legalFormCode != null && !LEGAL_FORM.matcher(legalFormCode).matches()) {
            throw new InvalidRecord("pravniForma is not 3 digits: '" + legalFormCode + "'");
        }

        JsonNode seat = subject.path("sidlo");
        String country = text(seat, "kodStatu");
        if (country == null) {
            country = "CZ";
        } else if (!country.matches("[A-Za-z]{2}")) {
            throw new InvalidRecord("sidlo.kodStatu is not a country code: '" + country + "'");
        }
        country = country.toUpperCase(Locale.ROOT);
        String nuts = country.equals("CZ") ? CzRegions.nuts3(integer(seat, "kodKraje"), text(seat, "nazevKraje")) : null;

        return new CompanyRecord(SOURCE, ico, name, CzLegalForms.name(legalFormCode), CzNace.toNace(naceCodes(subject)),
                street(seat), text(seat, "nazevObce"), postalCode(seat), country, nuts, status(subject),
                date(subject, "datumVzniku"));
    }

    /**
     * Since v1.3.0 {@code czNace} holds CZ-NACE 2025 (NACE Rev.2.1) and {@code czNace2008} the
     * Rev.2 codes the platform classifies by; answers from before the change carry Rev.2 codes in
     * {@code czNace} and no {@code czNace2008}.
     */
    private static List<String> naceCodes(JsonNode subject) throws InvalidRecord {
        JsonNode codes = subject.has("czNace2008") ? subject.get("czNace2008") : subject.path("czNace");
        List<String> out = new ArrayList<>();
        if (codes.isMissingNode() || codes.isNull()) {
            return out;
        }
        if (!codes.isArray()) {
            throw new InvalidRecord("czNace is not a list");
        }
        for (JsonNode code : codes) {
            if (!code.isTextual()) {
                throw new InvalidRecord("not a CZ-NACE code: " + code);
            }
            out.add(code.textValue().strip());
        }
        return out;
    }

    /**
     * Czech form: street (or, in villages without streets, the part of the municipality), then the
     * house number, {@code /} and the orientation number ({@code Radlická 3294/10}). An address ARES
     * could not standardise has only its text, which is kept whole rather than guessed apart.
     */
    private static String street(JsonNode seat) throws InvalidRecord {
        String place = text(seat, "nazevUlice");
        if (place == null) {
            place = text(seat, "nazevCastiObce");
        }
        Integer houseNumber = integer(seat, "cisloDomovni");
        Integer orientation = integer(seat, "cisloOrientacni");
        StringBuilder number = new StringBuilder();
        if (houseNumber != null) {
            // typCisloDomovni 2: a registration number (číslo evidenční), written "ev. č."
            number.append(Integer.valueOf(2).equals(integer(seat, "typCisloDomovni")) ? "ev. č. " : "").append(houseNumber);
        }
        if (orientation != null) {
            number.append(number.length() > 0 ? "/" : "").append(orientation);
            String letter = text(seat, "cisloOrientacniPismeno");
            if (letter != null) {
                number.append(letter);
            }
        }
        if (place == null && number.length() == 0) {
            String cisloDoAdresy = text(seat, "cisloDoAdresy");
            return cisloDoAdresy != null ? cisloDoAdresy : text(seat, "textovaAdresa");
        }
        if (place == null) {
            return number.toString();
        }
        return number.length() == 0 ? place : place + " " + number;
    }

    private static String postalCode(JsonNode seat) throws InvalidRecord {
        Integer psc = integer(seat, "psc");
        if (psc != null) {
            return String.format(Locale.ROOT, "%05d", psc);
        }
        return text(seat, "pscTxt");
    }

    /**
     * {@code TERMINATED} when the subject has a date of dissolution or its primary register says
     * so, {@code ACTIVE} when a register keeps it active; null when ARES says neither.
     */
    private static String status(JsonNode subject) throws InvalidRecord {
        if (date(subject, "datumZaniku") != null) {
            return "TERMINATED";
        }
        JsonNode registrations = subject.path("seznamRegistraci");
        String primary = text(subject, "primarniZdroj");
        String primaryState = primary == null ? null
                : text(registrations, "stavZdroje" + primary.substring(0, 1).toUpperCase(Locale.ROOT)
                        + primary.substring(1).toLowerCase(Locale.ROOT));
        if ("ZANIKLY".equals(primaryState)) {
            return "TERMINATED";
        }
        if ("AKTIVNI".equals(primaryState)) {
            return "ACTIVE";
        }
        for (JsonNode state : registrations) {
            if ("AKTIVNI".equals(state.asText())) {
                return "ACTIVE";
            }
        }
        return null;
    }

    private static LocalDate date(JsonNode parent, String field) throws InvalidRecord {
        String value = text(parent, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRecord(field + " is not a date (yyyy-mm-dd): '" + value + "'");
        }
    }

    private static Integer integer(JsonNode parent, String field) throws InvalidRecord {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.canConvertToInt() && value.isIntegralNumber()) {
            return value.intValue();
        }
        if (value.isTextual() && value.textValue().strip().matches("\\d{1,9}")) {
            return Integer.valueOf(value.textValue().strip());
        }
        throw new InvalidRecord(field + " is not a whole number: " + value);
    }
}
