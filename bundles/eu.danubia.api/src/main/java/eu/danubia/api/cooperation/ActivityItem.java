package eu.danubia.api.cooperation;

import java.time.Instant;

/**
 * One line of an organisation's activity in a mode.
 *
 * @param kind what it is, in words, e.g. "Technology offer", "Partnership proposal"
 * @param status the item's status, e.g. {@code PUBLISHED}, {@code ACCEPTED}
 * @param href where the web shell shows it, e.g. {@code #/b2b/profiles/<id>}
 */
public record ActivityItem(String kind, String title, String status, Instant at, String href) {
}
