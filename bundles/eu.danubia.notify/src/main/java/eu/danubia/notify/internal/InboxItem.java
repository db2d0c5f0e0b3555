package eu.danubia.notify.internal;

import java.time.Instant;
import java.util.UUID;

/** One notification as its recipient sees it in the web shell. */
public record InboxItem(UUID id, String kind, String subject, String text, String link, Instant createdAt, boolean read) {
}
