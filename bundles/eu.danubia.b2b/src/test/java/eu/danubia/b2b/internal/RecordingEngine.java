package eu.danubia.b2b.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import eu.danubia.api.cooperation.CooperationProfile;
import eu.danubia.api.matching.CallMatch;
import eu.danubia.api.matching.Classification;
import eu.danubia.api.matching.Match;
import eu.danubia.api.matching.MatchingService;
import eu.danubia.api.security.Caller;

/** A matching engine for the B2B tests: answers recommendations as told and records what it is told. */
final class RecordingEngine implements MatchingService {

    final List<Match> answer;
    final List<CooperationProfile> asked = new ArrayList<>();
    final List<CooperationProfile> changed = new ArrayList<>();
    boolean fail;

    RecordingEngine() {
        this(List.of());
    }

    RecordingEngine(List<Match> answer) {
        this.answer = answer;
    }

    @Override
    public List<Match> recommend(Caller caller, CooperationProfile profile, int limit) {
        if (fail) {
            throw new IllegalStateException("engine down");
        }
        asked.add(profile);
        return answer;
    }

    @Override
    public List<Match> search(Caller caller, String text, Map<String, String> filters, int limit) {
        return List.of();
    }

    @Override
    public Classification classify(String text, int limit) {
        return new Classification(List.of(), List.of());
    }

    @Override
    public List<CallMatch> recommendCalls(String text, int limit) {
        return List.of();
    }

    @Override
    public void profileChanged(CooperationProfile profile) {
        changed.add(profile);
    }
}
