package eu.danubia.api.matching;

import java.util.List;
import java.util.UUID;

/** A ranked result with the reasons that produced its score. */
public record Match(UUID id, String title, double score, List<MatchReason> reasons) {

    public Match {
        reasons = List.copyOf(reasons);
    }
}
