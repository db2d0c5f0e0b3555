package eu.danubia.matching.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import eu.danubia.api.cooperation.CooperationProfile;
import eu.danubia.api.cooperation.Direction;
import eu.danubia.api.matching.Match;
import eu.danubia.api.matching.MatchReason;

/**
 * The score of a candidate for a profile: a weighted mean of signals in [0, 1], each of which is
 * reported as a reason with its value and weight, so the score is exactly what the reasons say.
 */
public final class ProfileScorer {

    /** The signals' weights (from the configuration); they need not add up to 1. */
    public record Weights(double semantic, double lexical, double keywords, double nace, double valueChain,
            double crossBorder, double recency, int recencyHalfLifeDays) {

        double total() {
            return semantic + lexical + keywords + nace + valueChain + crossBorder + recency;
        }
    }

    private final Weights w;
    private final Instant now;

    ProfileScorer(Weights weights, Instant now) {
        this.w = weights;
        this.now = now;
    }

    /**
     * @param cosine semantic similarity of the two texts
     * @param lexical BM25 of the candidate for the profile's text, divided by the best candidate's
     */
    Match score(CooperationProfile of, CooperationProfile candidate, double cosine, double lexical) {
        List<MatchReason> reasons = new ArrayList<>();
        double sum = 0;
        double semantic = clamp(cosine);
        reasons.add(new MatchReason("semantic", round(semantic), w.semantic(),
                String.format(Locale.ROOT, "the texts mean similar things (cosine %.2f)", cosine)));
        sum += w.semantic() * semantic;
        if (lexical > 0) {
            reasons.add(new MatchReason("lexical", round(lexical), w.lexical(), "words in common with your profile"));
            sum += w.lexical() * clamp(lexical);
        }
        Set<String> shared = shared(of.keywords(), candidate.keywords());
        if (!shared.isEmpty()) {
            double v = (double) shared.size() / Math.max(1, Math.min(of.keywords().size(), candidate.keywords().size()));
            reasons.add(new MatchReason("shared-keywords", round(clamp(v)), w.keywords(), String.join(", ", shared)));
            sum += w.keywords() * clamp(v);
        }
        NaceRelation nace = nace(of.naceCodes(), candidate.naceCodes());
        if (nace != null) {
            reasons.add(new MatchReason("nace", nace.value(), w.nace(), nace.detail()));
            sum += w.nace() * nace.value();
        }
        boolean offers = of.direction() == Direction.OFFER;
        String chain = offers ? ValueChain.relation(of.naceCodes(), candidate.naceCodes())
                : ValueChain.relation(candidate.naceCodes(), of.naceCodes());
        if (chain != null) {
            reasons.add(new MatchReason("value-chain", 1.0, w.valueChain(),
                    "supplier and customer sectors (NACE division " + chain + ")"));
            sum += w.valueChain();
        }
        double cross = crossBorder(of, candidate);
        if (cross > 0) {
            reasons.add(new MatchReason("cross-border", cross, w.crossBorder(), crossDetail(of, candidate)));
            sum += w.crossBorder() * cross;
        }
        double recency = recency(candidate.updatedAt());
        if (recency > 0) {
            reasons.add(new MatchReason("recency", round(recency), w.recency(),
                    "updated " + Math.max(0, Duration.between(candidate.updatedAt(), now).toDays()) + " days ago"));
            sum += w.recency() * recency;
        }
        return new Match(candidate.id(), candidate.title(), round(sum / w.total()), reasons);
    }

    /** In the profile's target countries: 1; another country: 0.5; the same country: 0. */
    static double crossBorder(CooperationProfile of, CooperationProfile candidate) {
        if (candidate.country() == null || of.country() == null) {
            return 0;
        }
        if (of.targetCountries().contains(candidate.country())) {
            return 1.0;
        }
        return of.country().equals(candidate.country()) ? 0 : 0.5;
    }

    private static String crossDetail(CooperationProfile of, CooperationProfile candidate) {
        return of.targetCountries().contains(candidate.country())
                ? candidate.country() + " is one of your target countries"
                : "a partner abroad (" + candidate.country() + ")";
    }

    private double recency(Instant updated) {
        if (updated == null) {
            return 0;
        }
        double days = Math.max(0, Duration.between(updated, now).toHours() / 24.0);
        return Math.pow(0.5, days / Math.max(1, w.recencyHalfLifeDays()));
    }

    record NaceRelation(double value, String detail) {
    }

    /** The closest relation of two code lists: the same class 1, group 0.75, division 0.5. */
    static NaceRelation nace(List<String> a, List<String> b) {
        NaceRelation best = null;
        for (String x : a) {
            for (String y : b) {
                NaceRelation r = x.equals(y) ? new NaceRelation(1.0, "the same NACE code " + x)
                        : prefix(x, y, 4) ? new NaceRelation(0.75, "the same NACE group " + x.substring(0, 4) + " (" + x + ", " + y + ")")
                        : prefix(x, y, 2) ? new NaceRelation(0.5, "the same NACE division " + x.substring(0, 2) + " (" + x + ", " + y + ")")
                        : null;
                if (r != null && (best == null || r.value() > best.value())) {
                    best = r;
                }
            }
        }
        return best;
    }

    private static boolean prefix(String x, String y, int n) {
        return x.length() >= n && y.length() >= n && x.regionMatches(0, y, 0, n);
    }

    private static Set<String> shared(List<String> a, List<String> b) {
        Set<String> mine = new LinkedHashSet<>();
        a.forEach(k -> mine.add(k.trim().toLowerCase(Locale.ROOT)));
        Set<String> out = new LinkedHashSet<>();
        b.forEach(k -> {
            if (mine.contains(k.trim().toLowerCase(Locale.ROOT))) {
                out.add(k.trim());
            }
        });
        return out;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
