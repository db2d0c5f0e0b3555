package eu.danubia.b2b.internal;

/** The moderator's reason for returning a submitted profile to its owner. */
public record ReturnInput(String comment) {
}
