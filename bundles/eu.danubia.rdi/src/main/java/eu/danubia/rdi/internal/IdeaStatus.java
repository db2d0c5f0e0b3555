package eu.danubia.rdi.internal;

/** DRAFT (the owner's side only) → OPEN (the partner search is published) → CLOSED. */
public enum IdeaStatus {
    DRAFT, OPEN, CLOSED
}
