package eu.danubia.rdi.internal;

/** PENDING until the owner's side accepts or declines it, or the applicant withdraws it. */
public enum ApplicationStatus {
    PENDING, ACCEPTED, DECLINED, WITHDRAWN
}
