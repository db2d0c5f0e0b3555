package eu.danubia.api.indicator;

import java.math.BigDecimal;

/** One value of an indicator for one subject (company, cluster or region) and period. */
public record IndicatorValue(String indicatorId, String subject, String period, BigDecimal value) {
}
