package eu.danubia.directory.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import eu.danubia.api.NationalId;
import eu.danubia.api.Validator;
import eu.danubia.store.Jdbc;

/**
 * Clean-up and validation of directory input. Input is normalised first (trimmed, blank as absent,
 * codes upper case) so that "ro" and "RO " are the same country and a national id cannot be
 * registered twice by varying its spacing.
 */
final class Inputs {

    /** The countries of the EU Strategy for the Danube Region. */
    static final Set<String> DANUBE_COUNTRIES = Set.of(
            "AT", "BA", "BG", "CZ", "DE", "HR", "HU", "MD", "ME", "RO", "RS", "SI", "SK", "UA");

    static final int NAME_MAX = 200;
    static final int CITY_MAX = 100;
    static final int WEBSITE_MAX = 300;
    static final int DESCRIPTION_MAX = 4000;
    static final int CODES_MAX = 20;
    static final int IDS_MAX = 10;

    private static final Pattern SCHEME = Pattern.compile("[A-Z]{2}-[A-Z0-9_]{1,17}");
    private static final Pattern ID_VALUE = Pattern.compile("[A-Za-z0-9./-]{1,50}");
    /** Filter prefixes may stop at country level (RO) or any NUTS level below it. */
    private static final Pattern NUTS_PREFIX = Pattern.compile("[A-Z]{2}[0-9A-Z]{0,3}");

    private Inputs() {
    }

    static String code(String s) {
        String t = Validator.text(s);
        return t == null ? null : t.toUpperCase(Locale.ROOT);
    }

    /** Trimmed, upper-cased, without blanks and duplicates, in the given order. */
    static List<String> codes(List<String> codes) {
        Set<String> out = new LinkedHashSet<>();
        if (codes != null) {
            for (String c : codes) {
                String t = code(c);
                if (t != null) {
                    out.add(t);
                }
            }
        }
        return List.copyOf(out);
    }

    /** Upper case, values without spaces (registers print them grouped); duplicates dropped. */
    static List<NationalId> nationalIds(List<NationalId> ids) {
        Set<NationalId> out = new LinkedHashSet<>();
        if (ids != null) {
            for (NationalId id : ids) {
                if (id == null) {
                    continue;
                }
                String scheme = code(id.scheme());
                String value = id.value() == null ? null : id.value().replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
                out.add(new NationalId(scheme, value == null || value.isEmpty() ? null : value));
            }
        }
        return new ArrayList<>(out);
    }

    /** Country: required, ISO format, one of the Danube-region countries. */
    static void country(Validator v, String field, String country) {
        v.required(field, country).country(field, country)
                .that(country == null || DANUBE_COUNTRIES.contains(country), field,
                        "must be a Danube-region country: " + String.join(", ", DANUBE_COUNTRIES.stream().sorted().toList()));
    }

    /**
     * NUTS code: format; when the NUTS table is loaded the region must exist and lie in the country,
     * otherwise at least its country prefix must match.
     */
    static void nuts(Connection c, Validator v, String field, String nuts, String country) throws SQLException {
        v.nuts(field, nuts);
        if (nuts == null || !nuts.matches("[A-Z]{2}[0-9A-Z]{1,3}")) {
            return;
        }
        boolean loaded = Jdbc.count(c, "SELECT COUNT(*) FROM nuts_regions") > 0;
        if (loaded) {
            Optional<String> regionCountry = Jdbc.one(c, "SELECT country FROM nuts_regions WHERE code = ?",
                    rs -> rs.getString(1).strip(), nuts);
            v.that(regionCountry.isPresent(), field, "is not a known NUTS 2021 region");
            v.that(regionCountry.isEmpty() || country == null || regionCountry.get().equals(country), field,
                    "is not a region of " + country);
        } else {
            v.that(country == null || nuts.startsWith(country), field, "is not a region of " + country);
        }
    }

    static void nace(Validator v, String field, List<String> codes) {
        v.nace(field, codes).that(codes.size() <= CODES_MAX, field, "must hold at most " + CODES_MAX + " codes");
    }

    static void website(Validator v, String website) {
        v.url("website", website).maxLength("website", website, WEBSITE_MAX);
    }

    static void nationalIds(Validator v, List<NationalId> ids) {
        v.that(ids.size() <= IDS_MAX, "nationalIds", "must hold at most " + IDS_MAX + " ids");
        for (NationalId id : ids) {
            v.that(id.scheme() != null && SCHEME.matcher(id.scheme()).matches(), "nationalIds",
                    "each scheme must look like RO-CUI or SK-ICO (got '" + id.scheme() + "')");
            v.that(id.value() != null && ID_VALUE.matcher(id.value()).matches(), "nationalIds",
                    "each value must be 1 to 50 letters, digits, '.', '/' or '-' (got '" + id.value() + "')");
        }
    }

    /** Validates a listing filter's NACE prefix: same format as a stored code. */
    static void naceFilter(Validator v, String nace) {
        if (nace != null) {
            v.nace("nace", List.of(nace));
        }
    }

    static void nutsFilter(Validator v, String nuts) {
        v.that(nuts == null || NUTS_PREFIX.matcher(nuts).matches(), "nuts", "must be a NUTS code or its start, such as RO or RO11");
    }

    static void countryFilter(Validator v, String country) {
        v.country("country", country);
    }
}
