package eu.danubia.c2b.internal;

/**
 * Who may request a service: the cluster's members only, any SME (size class micro, small or
 * medium in the directory), or any organisation. A service's country list narrows each further.
 */
public enum Eligibility {
    MEMBERS, SME, ANY
}
