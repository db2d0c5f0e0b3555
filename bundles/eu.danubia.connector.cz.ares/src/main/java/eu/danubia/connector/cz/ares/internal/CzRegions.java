package eu.danubia.connector.cz.ares.internal;

import java.util.Map;

/**
 * The NUTS 3 region (NUTS 2021) of a Czech address. The 14 NUTS 3 regions of Czechia are its kraje;
 * ARES gives the kraj as its RÚIAN code ({@code kodKraje}) and name ({@code nazevKraje}).
 */
final class CzRegions {

    /** One kraj: its RÚIAN (VÚSC) code, its official name (as NUTS spells it) and its NUTS 3 code. */
    record Kraj(int ruianCode, String name, String nuts3) {
    }

    static final Map<Integer, Kraj> BY_CODE = Map.ofEntries(
            kraj(19, "Hlavní město Praha", "CZ010"),
            kraj(27, "Středočeský kraj", "CZ020"),
            kraj(35, "Jihočeský kraj", "CZ031"),
            kraj(43, "Plzeňský kraj", "CZ032"),
            kraj(51, "Karlovarský kraj", "CZ041"),
            kraj(60, "Ústecký kraj", "CZ042"),
            kraj(78, "Liberecký kraj", "CZ051"),
            kraj(86, "Královéhradecký kraj", "CZ052"),
            kraj(94, "Pardubický kraj", "CZ053"),
            kraj(108, "Kraj Vysočina", "CZ063"),
            kraj(116, "Jihomoravský kraj", "CZ064"),
            kraj(124, "Olomoucký kraj", "CZ071"),
            kraj(132, "Zlínský kraj", "CZ072"),
            kraj(141, "Moravskoslezský kraj", "CZ080"));

    private CzRegions() {
    }

    private static Map.Entry<Integer, Kraj> kraj(int code, String name, String nuts3) {
        return Map.entry(code, new Kraj(code, name, nuts3));
    }

    /**
     * By code, and by name when the code is missing or unknown (the name is the same text in ARES
     * and in NUTS); null when neither identifies a kraj.
     */
    static String nuts3(Integer kodKraje, String nazevKraje) {
        Kraj byCode = kodKraje == null ? null : BY_CODE.get(kodKraje);
        if (byCode != null) {
            return byCode.nuts3();
        }
        if (nazevKraje != null) {
            for (Kraj kraj : BY_CODE.values()) {
                if (kraj.name().equalsIgnoreCase(nazevKraje.strip())) {
                    return kraj.nuts3();
                }
            }
        }
        return null;
    }
}
