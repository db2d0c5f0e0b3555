package eu.danubia.b2b.internal;

import java.util.List;

import eu.danubia.api.matching.MatchReason;

/** A counterpart profile with the score in [0, 1] and the signals that produced it. */
public record SimilarProfile(Profile profile, double score, List<MatchReason> reasons) {

    public SimilarProfile {
        reasons = List.copyOf(reasons);
    }
}
