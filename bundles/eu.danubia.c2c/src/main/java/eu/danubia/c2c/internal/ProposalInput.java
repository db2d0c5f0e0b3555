package eu.danubia.c2c.internal;

/**
 * The body of {@code POST /api/c2c/proposals}. Ids and dates come as text so that every wrong field
 * is reported at once.
 *
 * @param fromClusterId the proposing cluster: one of the caller's association (platform admins: any)
 * @param toClusterId a cluster of another association that the caller may read
 * @param startOn proposed start, ISO date, optional
 * @param endOn proposed end, ISO date, optional; not before {@code startOn}
 */
public record ProposalInput(String fromClusterId, String toClusterId, String type, String title, String message,
        String startOn, String endOn) {
}
