package eu.danubia.connector.ro.anaf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * RON per 1 EUR by year (EUR = RON / rate): the bundled BNR annual averages
 * ({@code eur-ron.properties}, source named there), with configured years added or replacing them.
 */
final class EurRates {

    private final Map<Integer, BigDecimal> byYear;

    private EurRates(Map<Integer, BigDecimal> byYear) {
        this.byYear = Map.copyOf(byYear);
    }

    /** The bundled table with {@code YEAR=RATE} overrides, e.g. {@code 2025=5.0751}. */
    static EurRates withOverrides(String[] overrides) {
        Map<Integer, BigDecimal> rates = new TreeMap<>();
        Properties bundled = new Properties();
        try (InputStream in = EurRates.class.getResourceAsStream("eur-ron.properties")) {
            if (in == null) {
                throw new IllegalStateException("eur-ron.properties is missing from the bundle");
            }
            bundled.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bundled.forEach((year, rate) -> put(rates, year + "=" + rate));
        for (String entry : overrides == null ? new String[0] : overrides) {
            if (entry != null && !entry.isBlank()) {
                put(rates, entry);
            }
        }
        return new EurRates(rates);
    }

    private static void put(Map<Integer, BigDecimal> rates, String entry) {
        int eq = entry.indexOf('=');
        try {
            if (eq < 0) {
                throw new NumberFormatException();
            }
            BigDecimal rate = new BigDecimal(entry.substring(eq + 1).strip());
            int year = Integer.parseInt(entry.substring(0, eq).strip());
            if (rate.signum() <= 0 || year < 1990 || year > 2100) {
                throw new NumberFormatException();
            }
            rates.put(year, rate);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("EUR rate '" + entry + "' is not YEAR=RATE (RON per EUR, positive)");
        }
    }

    /** The rate of the year, or null when there is none. */
    BigDecimal rate(int year) {
        return byYear.get(year);
    }
}
