package eu.danubia.api.cooperation;

import java.util.List;
import java.util.UUID;

import eu.danubia.api.security.Caller;

/**
 * A mode's items concerning one organisation (its profiles, proposals, requests, project ideas,
 * applications ...), listed on the organisation's page in the web shell. Register one per mode;
 * the directory lists exactly the registered ones, so a mode that is not installed contributes
 * nothing.
 */
public interface OrganisationActivity {

    /** The mode's id, e.g. {@code b2b}. */
    String mode();

    /** The heading on the organisation's page, e.g. "B2B cooperation". */
    String label();

    /** The newest items of that organisation the caller may read, at most {@code limit}. */
    List<ActivityItem> activity(Caller caller, UUID organisationId, int limit);
}
