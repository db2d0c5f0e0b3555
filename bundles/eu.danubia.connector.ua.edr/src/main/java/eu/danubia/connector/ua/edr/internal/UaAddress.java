package eu.danubia.connector.ua.edr.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An EDR address, one comma-separated line from the country down:
 * {@code Україна, 76018, Івано-Франківська обл., місто Івано-Франківськ, ВУЛИЦЯ ЄВГЕНА КОНОВАЛЬЦЯ, будинок 35}.
 * The settlement is the part that starts with its kind (місто, село, смт ...); what follows it is the
 * street and house. The oblast and raion before it are left out: the platform has no Ukrainian
 * regions (Ukraine is not in NUTS).
 *
 * @param street    the parts after the settlement, as written; the whole line after the postal code
 *                  when no settlement is recognised
 * @param city      the settlement's name without its kind, or null
 */
record UaAddress(String street, String city, String postalCode) {

    private static final Locale UKRAINIAN = Locale.forLanguageTag("uk");
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");

    /** Kinds of settlement, longest first so that "селище міського типу" wins over "селище". */
    private static final List<String> SETTLEMENT_KINDS = List.of("селище міського типу ", "смт. ", "смт ", "місто ", "м. ",
            "селище ", "с-ще ", "село ", "с. ", "м.", "с.");

    static UaAddress parse(String line) {
        if (line == null || line.isBlank()) {
            return new UaAddress(null, null, null);
        }
        List<String> parts = new ArrayList<>(Arrays.stream(line.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList());
        if (!parts.isEmpty() && parts.get(0).equalsIgnoreCase("Україна")) {
            parts.remove(0);
        }
        String postalCode = null;
        if (!parts.isEmpty() && POSTAL_CODE.matcher(parts.get(0)).matches()) {
            postalCode = parts.remove(0);
        }
        for (int i = 0; i < parts.size(); i++) {
            String city = settlement(parts.get(i));
            if (city != null) {
                List<String> rest = parts.subList(i + 1, parts.size());
                return new UaAddress(rest.isEmpty() ? null : String.join(", ", rest), city, postalCode);
            }
        }
        return new UaAddress(parts.isEmpty() ? null : String.join(", ", parts), null, postalCode);
    }

    private static String settlement(String part) {
        String lower = part.toLowerCase(UKRAINIAN);
        for (String kind : SETTLEMENT_KINDS) {
            if (lower.startsWith(kind)) {
                String name = part.substring(kind.length()).strip();
                return name.isEmpty() ? null : name;
            }
        }
        return null;
    }
}
