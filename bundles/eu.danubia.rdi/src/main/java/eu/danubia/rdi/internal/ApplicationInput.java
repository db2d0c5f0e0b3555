package eu.danubia.rdi.internal;

/**
 * The body of applying: the role applied for, a message, and for admins the organisation they apply for.
 */
public record ApplicationInput(String roleId, String message, String organisationId) {
}
