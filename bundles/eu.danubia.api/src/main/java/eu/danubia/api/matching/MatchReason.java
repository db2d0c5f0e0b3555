package eu.danubia.api.matching;

/**
 * One signal that contributed to a match, e.g. {@code semantic} 0.61 with weight 0.5, or
 * {@code shared-keywords} with the keywords in {@code detail}.
 */
public record MatchReason(String signal, double value, double weight, String detail) {
}
