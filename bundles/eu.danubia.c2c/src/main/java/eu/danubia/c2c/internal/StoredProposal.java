package eu.danubia.c2c.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A proposal row as stored. */
record StoredProposal(UUID id, ProposalType type, ProposalStatus status, String title, String message,
        LocalDate startOn, LocalDate endOn, Side from, Side to, UUID proposerUserId, String proposerEmail,
        UUID answeredBy, String answeredEmail, Instant createdAt, Instant updatedAt, Instant answeredAt,
        Instant startedAt, Instant endedAt) {

    /** One cluster of the proposal, with what was copied from the directory when it was made. */
    record Side(UUID clusterId, String clusterName, UUID associationId, UUID organisationId) {
    }
}
