package eu.danubia.c2b.internal;

import java.time.Instant;
import java.util.UUID;

/** A request row. */
record StoredRequest(
        UUID id,
        RequestKind kind,
        UUID clusterId,
        UUID clusterAssociationId,
        UUID clusterOrganisationId,
        UUID serviceId,
        UUID organisationId,
        UUID organisationAssociationId,
        UUID requesterUserId,
        String requesterEmail,
        String message,
        RequestStatus status,
        String answer,
        UUID answeredBy,
        Instant createdAt,
        Instant answeredAt) {

    /** The key that makes a second open request of the same kind, target and organisation a conflict. */
    String openKey() {
        return kind.name() + ":" + (serviceId != null ? serviceId : clusterId) + ":" + organisationId;
    }
}
