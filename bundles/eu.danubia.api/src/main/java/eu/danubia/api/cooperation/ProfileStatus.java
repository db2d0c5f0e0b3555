package eu.danubia.api.cooperation;

/** The lifecycle of a cooperation profile. Only {@link #PUBLISHED} profiles are visible to other tenants. */
public enum ProfileStatus {
    DRAFT, SUBMITTED, PUBLISHED, EXPIRED, CLOSED
}
