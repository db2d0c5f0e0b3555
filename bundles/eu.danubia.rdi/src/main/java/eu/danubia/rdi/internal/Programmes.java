package eu.danubia.rdi.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The programme of a funding topic, derived from its code (the CORDIS topic codes carry it as a
 * prefix), and how many countries a consortium needs for it. The first matching prefix wins; the
 * table is in the README.
 */
final class Programmes {

    /** Horizon Europe collaborative actions: at least three independent legal entities from three countries. */
    static final int HORIZON_COLLABORATIVE_COUNTRIES = 3;

    record Programme(String prefix, String name, int minCountries) {
    }

    static final List<Programme> TABLE = List.of(
            new Programme("HORIZON-CL1-", "Horizon Europe – Cluster 1 Health", 3),
            new Programme("HORIZON-HLTH-", "Horizon Europe – Cluster 1 Health", 3),
            new Programme("HORIZON-CL2-", "Horizon Europe – Cluster 2 Culture, Creativity and Inclusive Society", 3),
            new Programme("HORIZON-CL3-", "Horizon Europe – Cluster 3 Civil Security for Society", 3),
            new Programme("HORIZON-CL4-", "Horizon Europe – Cluster 4 Digital, Industry and Space", 3),
            new Programme("HORIZON-CL5-", "Horizon Europe – Cluster 5 Climate, Energy and Mobility", 3),
            new Programme("HORIZON-CL6-", "Horizon Europe – Cluster 6 Food, Bioeconomy, Natural Resources, Agriculture and Environment", 3),
            new Programme("HORIZON-MISS-", "Horizon Europe – Missions", 3),
            new Programme("HORIZON-WIDERA-", "Horizon Europe – Widening Participation and Strengthening the ERA", 3),
            new Programme("HORIZON-INFRA-", "Horizon Europe – Research Infrastructures", 3),
            new Programme("HORIZON-EIC-", "Horizon Europe – European Innovation Council (EIC)", 1),
            new Programme("HORIZON-EIE-", "Horizon Europe – European Innovation Ecosystems", 3),
            new Programme("HORIZON-EIT-", "Horizon Europe – European Institute of Innovation and Technology (EIT)", 3),
            new Programme("HORIZON-MSCA-", "Horizon Europe – Marie Skłodowska-Curie Actions (MSCA)", 1),
            new Programme("HORIZON-ERC-", "Horizon Europe – European Research Council (ERC)", 1),
            new Programme("HORIZON-JU-", "Horizon Europe – Joint Undertakings", 3),
            new Programme("HORIZON-JTI-", "Horizon Europe – Joint Undertakings", 3),
            new Programme("HORIZON-ER-JU-", "Horizon Europe – Joint Undertakings", 3),
            new Programme("HORIZON-KDT-", "Horizon Europe – Joint Undertakings", 3),
            new Programme("HORIZON-EUROHPC-", "Horizon Europe – Joint Undertakings", 3),
            new Programme("HORIZON-EUSPA-", "Horizon Europe – EU Space Programme Agency (EUSPA)", 3),
            new Programme("HORIZON-SESAR-", "Horizon Europe – Joint Undertakings", 3),
            new Programme("HORIZON-", "Horizon Europe – other", 3),
            new Programme("ERC-", "European Research Council (ERC)", 1),
            new Programme("MSCA-", "Marie Skłodowska-Curie Actions (MSCA)", 1),
            new Programme("EIC-", "European Innovation Council (EIC)", 1),
            new Programme("EURATOM-", "Euratom Research and Training Programme", 3),
            new Programme("DIGITAL-", "Digital Europe Programme", 3),
            new Programme("LIFE-", "LIFE Programme", 1),
            new Programme("INTERREG-", "Interreg", 2));

    static final Programme OTHER = new Programme("", "Other", 1);

    private Programmes() {
    }

    static Programme of(String topicCode) {
        String code = topicCode == null ? "" : topicCode.strip().toUpperCase(Locale.ROOT);
        for (Programme p : TABLE) {
            if (code.startsWith(p.prefix())) {
                return p;
            }
        }
        return OTHER;
    }

    /** The fewest countries for a programme name as stored (1 when unknown). */
    static int minCountries(String programme) {
        return BY_NAME.getOrDefault(programme, 1);
    }

    private static final Map<String, Integer> BY_NAME = byName();

    private static Map<String, Integer> byName() {
        Map<String, Integer> m = new java.util.HashMap<>();
        for (Programme p : TABLE) {
            m.putIfAbsent(p.name(), p.minCountries());
        }
        return Map.copyOf(m);
    }
}
