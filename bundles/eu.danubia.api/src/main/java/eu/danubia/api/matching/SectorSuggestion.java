package eu.danubia.api.matching;

/** A suggested NACE code for a free text, with the engine's confidence in [0, 1]. */
public record SectorSuggestion(String naceCode, String label, double confidence) {
}
