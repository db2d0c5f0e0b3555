package eu.danubia.connector.eurostat.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One Eurostat dataset to import and how its key dimensions map onto {@link eu.danubia.api.ingest.RegionStat}.
 * <p>
 * Written {@code code[?option&option...]}: {@code nama_10r_3empers},
 * {@code nama_10r_3empers?wstatus=EMP}, {@code sbs_r_nuts06_r2?unitDimension=indic_sb&indic_sb=V11210,V16110}.
 * {@code geoDimension}, {@code naceDimension} and {@code unitDimension} name the dimension that
 * fills that field when the header's own names do not tell (by default {@code geo} or the last
 * dimension, {@code nace_r2} or the first {@code nace*}, {@code unit} or the first {@code indic*});
 * any other {@code dimension=v1,v2} keeps only rows with those values.
 *
 * @param filters dimension to the values kept; dimensions not listed keep every value
 */
record DatasetSpec(String code, String geoDimension, String naceDimension, String unitDimension, Map<String, Set<String>> filters) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]{2,60}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,40}");

    DatasetSpec {
        filters = Map.copyOf(filters);
    }

    static DatasetSpec parse(String text) {
        String spec = text.strip();
        int q = spec.indexOf('?');
        String code = q < 0 ? spec : spec.substring(0, q);
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("'" + code + "' is not a Eurostat dataset code");
        }
        String geo = null;
        String nace = null;
        String unit = null;
        Map<String, Set<String>> filters = new LinkedHashMap<>();
        if (q >= 0) {
            for (String option : spec.substring(q + 1).split("&")) {
                int eq = option.indexOf('=');
                String key = eq < 0 ? option : option.substring(0, eq).strip();
                String value = eq < 0 ? "" : option.substring(eq + 1).strip();
                if (!NAME.matcher(key).matches() || value.isEmpty()) {
                    throw new IllegalArgumentException("option '" + option + "' of " + code + " is not name=value");
                }
                switch (key) {
                    case "geoDimension" -> geo = name(value, option);
                    case "naceDimension" -> nace = name(value, option);
                    case "unitDimension" -> unit = name(value, option);
                    default -> {
                        Set<String> values = new LinkedHashSet<>(Arrays.stream(value.split(",")).map(String::strip)
                                .filter(v -> !v.isEmpty()).toList());
                        if (filters.put(key, values) != null) {
                            throw new IllegalArgumentException("dimension " + key + " of " + code + " is filtered twice");
                        }
                    }
                }
            }
        }
        return new DatasetSpec(code, geo, nace, unit, filters);
    }

    private static String name(String value, String option) {
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("option '" + option + "' does not name a dimension");
        }
        return value;
    }
}
