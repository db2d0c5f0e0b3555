package eu.danubia.api;

/** The quadruple-helix type of an organisation. */
public enum OrganisationType {
    BUSINESS, RESEARCH, PUBLIC_BODY, CIVIL_SOCIETY, CLUSTER_ORGANISATION
}
