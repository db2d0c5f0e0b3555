package eu.danubia.c2b.internal;

/**
 * The body of a new request.
 *
 * @param kind SERVICE_REQUEST (default when serviceId is given) or MEMBERSHIP_APPLICATION
 * @param serviceId the service asked for (SERVICE_REQUEST)
 * @param clusterId the cluster to join (MEMBERSHIP_APPLICATION); for a service request it is the service's
 * @param organisationId optional: the organisation an association admin sends it for; members send for their own
 */
public record RequestInput(String kind, String serviceId, String clusterId, String message, String organisationId) {
}
