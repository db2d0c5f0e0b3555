package eu.danubia.b2b.internal;

/**
 * The body of an expression of interest.
 *
 * @param organisationId optional: the organisation an association admin sends it for (one of its
 *        association); members always send for their own organisation
 */
public record InterestInput(String message, String organisationId) {
}
