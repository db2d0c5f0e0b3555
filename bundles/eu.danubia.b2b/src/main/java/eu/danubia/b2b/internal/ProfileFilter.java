package eu.danubia.b2b.internal;

import java.time.LocalDate;

/**
 * Filters of the profile list and export; {@code null} fields do not filter.
 *
 * @param q words that must all occur in title, summary, description, innovation or keywords
 * @param nace a NACE code prefix
 * @param keyword one technology or market keyword, matched exactly but case-insensitively
 * @param from published (own unpublished profiles: last changed) on or after this day
 * @param mine the profiles the caller manages, in every status, instead of the published ones
 */
public record ProfileFilter(String q, ProfileType type, String country, String nace, String keyword, LocalDate from,
        Sort sort, boolean mine) {

    public enum Sort {
        RECENT, TITLE, RELEVANCE
    }

    public static ProfileFilter none() {
        return new ProfileFilter(null, null, null, null, null, null, null, false);
    }
}
