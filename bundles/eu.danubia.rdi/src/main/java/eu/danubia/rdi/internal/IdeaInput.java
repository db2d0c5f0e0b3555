package eu.danubia.rdi.internal;

import java.util.List;

/**
 * The body of creating or editing an idea. Strings, so that every field error is reported at once.
 *
 * @param organisationId the owner organisation: members leave it empty (their own), admins name one of their association
 * @param ownerRole the role the owner's organisation fills itself, COORDINATOR when empty (create only)
 * @param roles the roles needed; on edit, a role with an {@code id} is the existing one
 */
public record IdeaInput(String organisationId, String title, String summary, String callCode, String visibility,
        String ownerRole, List<RoleInput> roles) {

    public record RoleInput(String id, String role, String country) {
    }
}
