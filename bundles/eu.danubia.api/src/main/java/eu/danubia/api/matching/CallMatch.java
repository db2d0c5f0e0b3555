package eu.danubia.api.matching;

import java.util.List;

/** A funding-call topic recommended for a text, with its score and reasons. */
public record CallMatch(String topicCode, String title, double score, List<MatchReason> reasons) {

    public CallMatch {
        reasons = List.copyOf(reasons);
    }
}
