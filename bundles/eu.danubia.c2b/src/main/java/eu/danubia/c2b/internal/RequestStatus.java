package eu.danubia.c2b.internal;

/** SUBMITTED is the only open status: the cluster accepts or declines, the requester may withdraw. */
public enum RequestStatus {
    SUBMITTED, ACCEPTED, DECLINED, WITHDRAWN
}
