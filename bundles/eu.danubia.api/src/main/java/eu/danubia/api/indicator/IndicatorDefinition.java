package eu.danubia.api.indicator;

/**
 * What an indicator is.
 *
 * @param level what it describes: {@code company}, {@code cluster}, {@code region}
 * @param formula how it is computed, in words a reader can check
 * @param source where its inputs come from
 */
public record IndicatorDefinition(String id, String label, String unit, String level, String formula, String source) {
}
