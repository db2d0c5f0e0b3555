package eu.danubia.api.cooperation;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A mode's record of cooperation between organisations, for indicators. Registered as an OSGi
 * service by each mode that has interests or agreements; not tenant-scoped: callers aggregate it
 * and decide themselves what a user may see.
 */
public interface CooperationActivity {

    /** The mode's id, e.g. {@code b2b}. */
    String mode();

    /** Interests and agreements in which any of these organisations is {@code from} or {@code to}. */
    List<Cooperation> cooperations(Collection<UUID> organisationIds);
}
