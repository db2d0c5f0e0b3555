package eu.danubia.api.ingest;

import java.math.BigDecimal;

/**
 * One year of a company's accounts, in the reporting currency and converted to EUR.
 * Figures the source does not give are {@code null}, never 0.
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
