package eu.danubia.indicators.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import eu.danubia.api.ValidationException;
import eu.danubia.api.indicator.IndicatorDefinition;
import eu.danubia.api.indicator.IndicatorValue;

/** Shared by the three providers: definitions with their value extractors, and subject parsing. */
final class Providers {

    static final String COMPANY_SOURCE = "Company registers and financial statements (ingest), via the directory's national ids";
    static final String REGION_SOURCE = "Company-year facts of all companies in the data, summed per NUTS region and NACE division";

    private Providers() {
    }

    static IndicatorDefinition def(String id, String label, String unit, String level, String formula, String source) {
        return new IndicatorDefinition(id, label, unit, level, formula, source);
    }

    static UUID uuid(String subject) {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValidationException("subject", "must be an id");
        }
    }

    static void known(List<IndicatorDefinition> defs, String id) {
        if (defs.stream().noneMatch(d -> d.id().equals(id))) {
            throw new ValidationException("indicator", "is not an indicator of this provider");
        }
    }

    static <T> List<IndicatorValue> values(String id, String subject, List<T> rows, Function<T, Integer> year,
            Map<String, Function<T, BigDecimal>> extractors) {
        Function<T, BigDecimal> f = extractors.get(id);
        List<IndicatorValue> out = new ArrayList<>();
        for (T row : rows) {
            out.add(new IndicatorValue(id, subject, String.valueOf(year.apply(row)), f.apply(row)));
        }
        return out;
    }

    static BigDecimal num(Number n) {
        return n == null ? null : n instanceof BigDecimal b ? b : BigDecimal.valueOf(n.longValue());
    }
}
