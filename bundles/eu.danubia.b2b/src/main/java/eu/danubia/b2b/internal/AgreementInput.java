package eu.danubia.b2b.internal;

/** The body of a new agreement; text fields so that every wrong value is reported at once. */
public record AgreementInput(String interestId, String type, String description, String signedOn) {
}
