package eu.danubia.b2b.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import eu.danubia.api.matching.MatchReason;

/**
 * The lexical similarity used while no matching engine is installed: shared keywords, related NACE
 * codes and shared words of title and summary. It only ranks; which profiles are candidates at all
 * (published counterparts of another organisation) is decided before.
 */
final class Similarity {

    static final double KEYWORDS_WEIGHT = 1.0;
    static final double NACE_WEIGHT = 0.6;
    static final double TEXT_WEIGHT = 0.4;
    private static final double TOTAL_WEIGHT = KEYWORDS_WEIGHT + NACE_WEIGHT + TEXT_WEIGHT;

    /** Words too common to say anything about a profile. */
    private static final Set<String> STOP_WORDS = Set.of("and", "the", "for", "with", "from", "into", "our", "your",
            "are", "is", "was", "will", "can", "that", "this", "these", "those", "its", "their", "who", "which", "what",
            "offer", "offers", "request", "requests", "looking", "seeks", "seeking", "sought", "partner", "partners",
            "company", "companies", "new", "based", "use", "using", "has", "have", "all", "also", "more", "other",
            "such", "than", "they", "them", "not", "but", "out", "via", "per", "any");

    private Similarity() {
    }

    record Scored(StoredProfile profile, double score, List<MatchReason> reasons) {
    }

    /** The score in [0, 1] and its reasons, or empty when the two have nothing in common. */
    static Optional<Scored> score(StoredProfile of, StoredProfile candidate) {
        List<MatchReason> reasons = new ArrayList<>();
        double sum = 0;

        Set<String> mine = lower(of.keywords());
        Set<String> theirs = lower(candidate.keywords());
        Set<String> shared = new LinkedHashSet<>(mine);
        shared.retainAll(theirs);
        if (!shared.isEmpty()) {
            Set<String> union = new LinkedHashSet<>(mine);
            union.addAll(theirs);
            double value = round((double) shared.size() / union.size());
            reasons.add(new MatchReason("shared-keywords", value, KEYWORDS_WEIGHT, String.join(", ", shared)));
            sum += value * KEYWORDS_WEIGHT;
        }

        Nace nace = nace(of.content().naceCodes(), candidate.content().naceCodes());
        if (nace != null) {
            reasons.add(new MatchReason("nace", nace.value, NACE_WEIGHT, nace.detail));
            sum += nace.value * NACE_WEIGHT;
        }

        Set<String> myWords = words(of.title() + " " + of.content().summary());
        Set<String> theirWords = words(candidate.title() + " " + candidate.content().summary());
        Set<String> common = new LinkedHashSet<>(myWords);
        common.retainAll(theirWords);
        if (!common.isEmpty()) {
            Set<String> union = new LinkedHashSet<>(myWords);
            union.addAll(theirWords);
            double value = round((double) common.size() / union.size());
            reasons.add(new MatchReason("text", value, TEXT_WEIGHT,
                    String.join(", ", common.stream().limit(8).toList())));
            sum += value * TEXT_WEIGHT;
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Scored(candidate, round(sum / TOTAL_WEIGHT), reasons));
    }

    private record Nace(double value, String detail) {
    }

    /** The closest relation between two code lists: the same code, one containing the other, or the same division. */
    private static Nace nace(List<String> a, List<String> b) {
        Nace best = null;
        for (String x : a) {
            for (String y : b) {
                Nace n;
                if (x.equals(y)) {
                    n = new Nace(1.0, x);
                } else if (x.startsWith(y) || y.startsWith(x)) {
                    n = new Nace(0.75, x + " ~ " + y);
                } else if (x.length() >= 2 && y.length() >= 2 && Character.isDigit(x.charAt(0))
                        && x.substring(0, 2).equals(y.substring(0, 2))) {
                    n = new Nace(0.5, x + " ~ " + y + " (division " + x.substring(0, 2) + ")");
                } else {
                    continue;
                }
                if (best == null || n.value > best.value) {
                    best = n;
                }
            }
        }
        return best;
    }

    static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3 && !STOP_WORDS.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static Set<String> lower(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        values.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
