package eu.danubia.rdi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import eu.danubia.api.cooperation.CooperationProfile;
import eu.danubia.api.matching.CallMatch;
import eu.danubia.api.matching.Classification;
import eu.danubia.api.matching.Match;
import eu.danubia.api.matching.MatchingService;
import eu.danubia.api.security.Caller;

/** A matching engine for the RDI tests: answers as told and records what it is asked. */
final class RecordingEngine implements MatchingService {

    List<Match> searchAnswer = List.of();
    List<CallMatch> callAnswer = List.of();
    final List<Map<String, String>> searches = new ArrayList<>();
    final List<String> callTexts = new ArrayList<>();
    final List<CooperationProfile> changed = new ArrayList<>();
    boolean fail;

    @Override
    public List<Match> recommend(Caller caller, CooperationProfile profile, int limit) {
        return List.of();
    }

    @Override
    public List<Match> search(Caller caller, String text, Map<String, String> filters, int limit) {
        if (fail) {
            throw new IllegalStateException("engine down");
        }
        searches.add(Map.copyOf(filters));
        return searchAnswer;
    }

    @Override
    public Classification classify(String text, int limit) {
        return new Classification(List.of(), List.of());
    }

    @Override
    public List<CallMatch> recommendCalls(String text, int limit) {
        if (fail) {
            throw new IllegalStateException("engine down");
        }
        callTexts.add(text);
        return callAnswer;
    }

    @Override
    public void profileChanged(CooperationProfile profile) {
        changed.add(profile);
    }
}
