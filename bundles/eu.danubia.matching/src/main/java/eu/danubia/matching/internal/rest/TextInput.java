package eu.danubia.matching.internal.rest;

/** The body of {@code POST /api/matching/classify} and {@code /calls}: a free text and how many answers. */
public record TextInput(String text, Integer limit) {
}
