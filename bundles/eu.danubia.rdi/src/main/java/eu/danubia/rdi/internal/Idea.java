package eu.danubia.rdi.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A project idea as a caller sees it. An OPEN idea is the partner search announcement.
 *
 * @param owner the owner organisation; its name is null when the caller may not read it in the directory
 * @param mine true for the owner's side (its users, its association's admins, platform admins)
 * @param missingRoles how many roles nobody fills yet
 */
public record Idea(UUID id, String title, String summary, String callCode, String callTitle, String programme,
        IdeaStatus status, IdeaVisibility visibility, String country, Party owner, List<Role> roles, int missingRoles,
        boolean mine, Instant createdAt, Instant updatedAt, Instant publishedAt) {

    public Idea {
        roles = List.copyOf(roles);
    }

    /** An organisation as shown: {@code organisationId} and {@code name} are null when the caller may not read it. */
    public record Party(UUID organisationId, String name, String country) {
    }

    /** A role the idea needs; {@code country} null means any country. */
    public record Role(UUID id, RoleKind role, String label, String country, boolean filled, Party filledBy) {
    }
}
