package eu.danubia.rdi.internal;

import java.util.List;

import eu.danubia.api.matching.MatchReason;

/**
 * A funding call recommended for an idea.
 *
 * @param source {@code matching} from the matching engine's {@code recommendCalls}, {@code lexical} from the title words
 */
public record CallRecommendation(String topicCode, String title, String programme, double score, String source,
        List<MatchReason> reasons) {

    public CallRecommendation {
        reasons = List.copyOf(reasons);
    }
}
