package eu.danubia.connector.ro.onrc.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Romanian counties (județe) to their NUTS 2021 level-3 regions: in Romania NUTS 3 is exactly the
 * county, Bucharest included (RO321). The names are those of Eurostat GISCO's NUTS 2021 layer
 * (shared/data/nuts); {@code CountiesTest} checks this table against it.
 */
final class Counties {

    private static final Map<String, String> NUTS3 = Map.ofEntries(
            Map.entry("bihor", "RO111"), Map.entry("bistritanasaud", "RO112"), Map.entry("cluj", "RO113"),
            Map.entry("maramures", "RO114"), Map.entry("satumare", "RO115"), Map.entry("salaj", "RO116"),
            Map.entry("alba", "RO121"), Map.entry("brasov", "RO122"), Map.entry("covasna", "RO123"),
            Map.entry("harghita", "RO124"), Map.entry("mures", "RO125"), Map.entry("sibiu", "RO126"),
            Map.entry("bacau", "RO211"), Map.entry("botosani", "RO212"), Map.entry("iasi", "RO213"),
            Map.entry("neamt", "RO214"), Map.entry("suceava", "RO215"), Map.entry("vaslui", "RO216"),
            Map.entry("braila", "RO221"), Map.entry("buzau", "RO222"), Map.entry("constanta", "RO223"),
            Map.entry("galati", "RO224"), Map.entry("tulcea", "RO225"), Map.entry("vrancea", "RO226"),
            Map.entry("arges", "RO311"), Map.entry("calarasi", "RO312"), Map.entry("dambovita", "RO313"),
            Map.entry("giurgiu", "RO314"), Map.entry("ialomita", "RO315"), Map.entry("prahova", "RO316"),
            Map.entry("teleorman", "RO317"), Map.entry("bucuresti", "RO321"), Map.entry("ilfov", "RO322"),
            Map.entry("dolj", "RO411"), Map.entry("gorj", "RO412"), Map.entry("mehedinti", "RO413"),
            Map.entry("olt", "RO414"), Map.entry("valcea", "RO415"), Map.entry("arad", "RO421"),
            Map.entry("carasseverin", "RO422"), Map.entry("hunedoara", "RO423"), Map.entry("timis", "RO424"));

    private Counties() {
    }

    /** The NUTS 3 code of a county as the register writes it (any case, with or without diacritics), or null. */
    static String nuts3(String county) {
        if (county == null) {
            return null;
        }
        String key = key(county);
        for (String prefix : new String[] {"municipiul", "judetul", "jud"}) {
            if (key.startsWith(prefix) && NUTS3.containsKey(key.substring(prefix.length()))) {
                return NUTS3.get(key.substring(prefix.length()));
            }
        }
        return NUTS3.get(key);
    }

    /**
     * Lower case, without diacritics (both the cedilla forms ş ţ of older files and the comma
     * forms ș ț), without spaces, hyphens and dots.
     */
    static String key(String name) {
        String decomposed = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder key = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c >= 'a' && c <= 'z') {
                key.append(c);
            }
        }
        return key.toString();
    }
}
