package eu.danubia.api.cooperation;

import java.util.Set;

/**
 * A cooperation mode plugin (B2B, C2C, C2B, RDI ...). Registered as an OSGi service by the mode's
 * bundle; the platform lists the installed modes from these services.
 */
public interface CooperationMode {

    /** Stable id, also the REST path segment: {@code b2b}, {@code c2c}, {@code c2b}, {@code rdi}. */
    String id();

    String label();

    /** The profile types this mode publishes, e.g. {@code BUSINESS_OFFER}. */
    Set<String> profileTypes();

    /** The direction of a profile type. */
    Direction direction(String profileType);

    /** Whether a profile of type {@code from} should be matched with profiles of type {@code to}. */
    boolean matches(String from, String to);

    /** Whether a profile may move from one status to another (e.g. DRAFT to SUBMITTED). */
    boolean canTransition(ProfileStatus from, ProfileStatus to);
}
