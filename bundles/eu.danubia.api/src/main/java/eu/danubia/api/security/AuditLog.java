package eu.danubia.api.security;

import java.util.UUID;

/**
 * The append-only log of security-relevant actions: who (user, tenant) did what to which record,
 * and when. Never holds personal data values, only ids and action names.
 */
public interface AuditLog {

    /**
     * Appends one entry.
     *
     * @param action e.g. {@code login.success}, {@code organisation.update}
     * @param target the kind and id of the record acted on, e.g. {@code organisation:3f2c...}; may be {@code null}
     */
    void record(Caller caller, String action, String target);

    /** Appends an entry for an action without an authenticated caller (e.g. a failed login). */
    default void recordAnonymous(String action, String target, UUID associationId) {
        record(new Caller(null, null, associationId, null, java.util.Set.of()), action, target);
    }
}
