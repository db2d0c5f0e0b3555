package eu.danubia.api.matching;

import java.util.List;
import java.util.Map;

import eu.danubia.api.cooperation.CooperationProfile;
import eu.danubia.api.security.Caller;

/**
 * The AI matching engine. Hard rules (direction, type compatibility, status, visibility) are
 * filters; text similarity only ranks what passes them.
 */
public interface MatchingService {

    /** Counterpart profiles for a profile: offers get requests and vice versa. */
    List<Match> recommend(Caller caller, CooperationProfile profile, int limit);

    /** Hybrid semantic and lexical search over published profiles; filters by field name. */
    List<Match> search(Caller caller, String text, Map<String, String> filters, int limit);

    /** Suggested NACE codes (at most {@code limit}) and keywords for a free text. */
    Classification classify(String text, int limit);

    /** Funding-call topics ranked for a project text. */
    List<CallMatch> recommendCalls(String text, int limit);

    /**
     * Tells the engine that a profile was created, changed, published or withdrawn; the engine indexes
     * it when it is published and drops it otherwise. Returns at once (the work is queued).
     */
    void profileChanged(CooperationProfile profile);
}
