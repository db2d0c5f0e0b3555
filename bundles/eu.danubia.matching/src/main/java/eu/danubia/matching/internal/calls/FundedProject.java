package eu.danubia.matching.internal.calls;

/** A project a topic funded: the evidence that teaches the ranking which topics fund what. */
public record FundedProject(String id, String acronym, String title, String topic) {
}
