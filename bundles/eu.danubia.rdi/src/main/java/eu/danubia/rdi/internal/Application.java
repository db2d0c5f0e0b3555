package eu.danubia.rdi.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * An application to join an idea in one role, as one side sees it.
 *
 * @param box INBOX for the idea owner's side, OUTBOX for the applicant's side
 */
public record Application(UUID id, UUID ideaId, String ideaTitle, UUID roleId, RoleKind role, String roleCountry,
        ApplicationStatus status, String message, Idea.Party applicant, Idea.Party owner, Instant createdAt,
        Instant answeredAt, Box box) {

    public enum Box {
        INBOX, OUTBOX
    }
}
