package eu.danubia.c2c.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A partnership proposal as one of its two sides sees it.
 *
 * @param direction OUT for the proposing side, IN for the target side; null for a platform admin of
 *        neither side
 * @param actions what the caller may do now: any of {@code accept, decline, withdraw, start, end}
 */
public record Proposal(UUID id, ProposalType type, ProposalStatus status, String title, String message,
        LocalDate startOn, LocalDate endOn, Party from, Party to, Box direction, List<String> actions,
        Instant createdAt, Instant updatedAt, Instant answeredAt, Instant startedAt, Instant endedAt) {

    public enum Box {
        IN, OUT
    }

    public record Party(UUID clusterId, String clusterName, UUID associationId) {
    }
}
