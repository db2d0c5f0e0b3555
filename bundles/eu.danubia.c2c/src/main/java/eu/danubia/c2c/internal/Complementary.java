package eu.danubia.c2c.internal;

import java.util.List;

import eu.danubia.api.matching.MatchReason;

/** A complementary cluster of another region, with the reasons that produced its score. */
public record Complementary(ClusterProfile cluster, double score, List<MatchReason> reasons) {

    public Complementary {
        reasons = List.copyOf(reasons);
    }
}
