package eu.danubia.api.ingest;

import java.math.BigDecimal;

/**
 * One year of a company's accounts, in the reporting currency and converted to EUR.
 * Figures the source does not give are {@code null}, never 0.
 *
 * @param eurRate units of {@code currency} per 1 EUR for that year (RON per EUR: 4.9465 for 2023), so an amount in
 *        EUR is the amount divided by it; 1 for statements in EUR; {@code null} when unknown
 */
public record FinancialStatement(
        String source,
        String nationalId,
        int year,
        String currency,
        BigDecimal turnover,
        Integer employees,
        BigDecimal profitLoss,
        BigDecimal assets,
        BigDecimal equity,
        BigDecimal exports,
        BigDecimal eurRate) {
}
