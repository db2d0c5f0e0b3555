package eu.danubia.c2b.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A request as one side sees it.
 *
 * @param box IN for the cluster's side, OUT for the requesting organisation's side
 * @param requesterEmail the sending user's address, for the cluster's side only
 * @param canAnswer the caller may accept or decline it now
 * @param canWithdraw the caller may withdraw it now
 */
public record ServiceRequest(
        UUID id,
        RequestKind kind,
        UUID clusterId,
        String clusterName,
        UUID serviceId,
        String serviceTitle,
        UUID organisationId,
        String organisationName,
        String organisationCountry,
        String message,
        RequestStatus status,
        String answer,
        Instant createdAt,
        Instant answeredAt,
        Box box,
        String requesterEmail,
        boolean canAnswer,
        boolean canWithdraw) {

    public enum Box {
        IN, OUT
    }
}
