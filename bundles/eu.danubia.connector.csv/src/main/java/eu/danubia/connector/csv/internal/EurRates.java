package eu.danubia.connector.csv.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Yearly conversion rates of one reporting currency, as units of that currency per 1 EUR (the
 * convention of the ECB and the national banks' published averages), so EUR = amount / rate.
 */
record EurRates(String currency, Map<Integer, BigDecimal> byYear) {

    EurRates {
        byYear = Map.copyOf(byYear);
    }

    /** Entries {@code YEAR=RATE}, e.g. {@code 2023=381.85}. */
    static EurRates parse(String currency, String[] entries) {
        Map<Integer, BigDecimal> rates = new TreeMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            try {
                if (eq < 0) {
                    throw new NumberFormatException();
                }
                BigDecimal rate = new BigDecimal(entry.substring(eq + 1).strip());
                if (rate.signum() <= 0) {
                    throw new NumberFormatException();
                }
                rates.put(Integer.parseInt(entry.substring(0, eq).strip()), rate);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("EUR rate '" + entry + "' is not YEAR=RATE with a positive rate");
            }
        }
        return new EurRates(currency, rates);
    }

    /** The rate for the year, or null when the table has none (never a guess from another year). */
    BigDecimal rate(String reportingCurrency, int year) {
        if ("EUR".equals(reportingCurrency)) {
            return BigDecimal.ONE;
        }
        return reportingCurrency != null && reportingCurrency.equals(currency) ? byYear.get(year) : null;
    }
}
