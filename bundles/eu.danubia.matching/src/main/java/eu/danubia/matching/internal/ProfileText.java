package eu.danubia.matching.internal;

import eu.danubia.api.cooperation.CooperationProfile;

/** The text of a profile that is embedded and searched: title, summary and keywords. */
final class ProfileText {

    private ProfileText() {
    }

    static String of(CooperationProfile p) {
        StringBuilder b = new StringBuilder(p.title() == null ? "" : p.title());
        if (p.summary() != null && !p.summary().isBlank()) {
            b.append(". ").append(p.summary());
        }
        if (!p.keywords().isEmpty()) {
            b.append(". ").append(String.join(", ", p.keywords()));
        }
        return b.toString();
    }
}
