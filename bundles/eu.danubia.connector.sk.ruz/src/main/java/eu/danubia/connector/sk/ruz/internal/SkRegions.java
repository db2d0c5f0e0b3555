package eu.danubia.connector.sk.ruz.internal;

import java.util.Map;

/**
 * The NUTS 3 region (NUTS 2021) of a Slovak accounting unit. The 8 NUTS 3 regions of Slovakia are its
 * kraje; RUZ numbers them 1 to 8 in its code list {@code /api/kraje} (9 is "Zahraničie", abroad), and
 * its district codes ({@code /api/okresy}) begin with the digit of their kraj.
 */
final class SkRegions {

    static final String ABROAD = "9";

    /** RUZ kraj code to NUTS 3 code; the names agree with the code list and with NUTS (tested). */
    static final Map<String, String> NUTS3 = Map.of(
            "1", "SK010", // Bratislavský kraj
            "2", "SK021", // Trnavský kraj
            "3", "SK022", // Trenčiansky kraj
            "4", "SK023", // Nitriansky kraj
            "5", "SK031", // Žilinský kraj
            "6", "SK032", // Banskobystrický kraj
            "7", "SK041", // Prešovský kraj
            "8", "SK042"); // Košický kraj

    private SkRegions() {
    }

    /** The kraj itself, else the kraj its district lies in; null when neither is given. */
    static String kraj(String kraj, String okres) {
        if (kraj != null) {
            return kraj;
        }
        return okres != null && okres.matches("\\d{3}") ? okres.substring(0, 1) : null;
    }
}
