package eu.danubia.notify.internal;

import java.util.UUID;

import eu.danubia.api.Page;
import eu.danubia.api.PageRequest;
import eu.danubia.api.security.Caller;

/**
 * The caller's own notifications. Every operation is scoped to {@code caller.userId()}: another
 * user's notification behaves exactly like a missing one.
 */
public interface Inbox {

    /** Newest first. */
    Page<InboxItem> list(Caller caller, boolean unreadOnly, PageRequest page);

    long unreadCount(Caller caller);

    /** Marks one notification read (again: no change); {@code NotFoundException} when it is not the caller's. */
    void markRead(Caller caller, UUID id);

    void markAllRead(Caller caller);
}
