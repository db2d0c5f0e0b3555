package eu.danubia.b2b.internal;

/** An expression of interest waits for the profile owner, who accepts or declines it once. */
public enum InterestStatus {
    PENDING, ACCEPTED, DECLINED
}
