package eu.danubia.c2b.internal;

/** DRAFT and ARCHIVED services are seen only by those who manage them; PUBLISHED ones by all who see the cluster. */
public enum ServiceStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
