package eu.danubia.c2c.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import eu.danubia.api.matching.Classification;
import eu.danubia.api.matching.MatchReason;
import eu.danubia.api.matching.SectorSuggestion;

/**
 * Ranks clusters of other regions for one cluster. A candidate is in another NUTS 2 region (for
 * countries outside NUTS: another country). Its score is the weighted mean of these signals, each in
 * [0, 1] and each returned as a reason, so the score is exactly what the reasons say:
 *
 * <ul>
 * <li>{@code value-chain} (0.35): supplier → customer relations between the two clusters' NACE
 * divisions, in either direction, where each side brings a division the other lacks
 * ({@link ValueChain}); 1 from two relations on;</li>
 * <li>{@code emerging-industries} (0.25): shared emerging industries over the smaller list;</li>
 * <li>{@code shared-sectors} (0.10): shared NACE divisions over the smaller list (the same chain
 * elsewhere: extends the value chain);</li>
 * <li>{@code semantic} (0.15, only when the matching engine is installed): the cosine of the NACE
 * divisions the engine's classifier reads in each cluster's description, services and interests;</li>
 * <li>{@code cross-border} (0.15): another country 1, the same country 0.5.</li>
 * </ul>
 * A candidate needs a value-chain relation, a shared emerging industry, a shared sector or a semantic
 * similarity of at least {@link #SEMANTIC_MIN}; the cross-border signal alone is no reason.
 */
final class Complementarity {

    static final double W_VALUE_CHAIN = 0.35;
    static final double W_EMERGING = 0.25;
    static final double W_SECTORS = 0.10;
    static final double W_SEMANTIC = 0.15;
    static final double W_CROSS_BORDER = 0.15;
    static final double SEMANTIC_MIN = 0.5;

    private Complementarity() {
    }

    /**
     * @param classifier the engine's reading of a cluster's text, or null without the engine (or when
     *        it failed); may return null for one cluster
     */
    static List<Complementary> rank(ClusterProfile base, List<ClusterProfile> candidates,
            Function<ClusterProfile, Classification> classifier, int limit) {
        Set<String> baseDivisions = divisions(base);
        Map<String, Double> baseSemantic = classifier == null ? null : vector(classifier.apply(base));
        List<Complementary> out = new ArrayList<>();
        for (ClusterProfile c : candidates) {
            if (c.clusterId().equals(base.clusterId()) || Objects.equals(region(c), region(base))) {
                continue;
            }
            Set<String> divisions = divisions(c);
            List<MatchReason> reasons = new ArrayList<>();
            double weights = 0;
            double sum = 0;
            boolean reason = false;

            List<String> supplies = ValueChain.relations(baseDivisions, divisions);
            List<String> buys = ValueChain.relations(divisions, baseDivisions);
            int relations = supplies.size() + buys.size();
            double chain = Math.min(1.0, relations / 2.0);
            weights += W_VALUE_CHAIN;
            sum += W_VALUE_CHAIN * chain;
            if (relations > 0) {
                reason = true;
                List<String> detail = new ArrayList<>();
                if (!supplies.isEmpty()) {
                    detail.add("supplies them: " + String.join(", ", supplies));
                }
                if (!buys.isEmpty()) {
                    detail.add("supplied by them: " + String.join(", ", buys));
                }
                reasons.add(new MatchReason("value-chain", round(chain), W_VALUE_CHAIN, String.join("; ", detail)));
            }

            Set<EmergingIndustry> shared = new TreeSet<>(base.emergingIndustries());
            shared.retainAll(c.emergingIndustries());
            double emerging = overlap(shared.size(), base.emergingIndustries().size(), c.emergingIndustries().size());
            weights += W_EMERGING;
            sum += W_EMERGING * emerging;
            if (!shared.isEmpty()) {
                reason = true;
                reasons.add(new MatchReason("emerging-industries", round(emerging), W_EMERGING,
                        String.join(", ", shared.stream().map(EmergingIndustry::label).toList())));
            }

            Set<String> sameDivisions = new TreeSet<>(baseDivisions);
            sameDivisions.retainAll(divisions);
            double sectors = overlap(sameDivisions.size(), baseDivisions.size(), divisions.size());
            weights += W_SECTORS;
            sum += W_SECTORS * sectors;
            if (!sameDivisions.isEmpty()) {
                reason = true;
                reasons.add(new MatchReason("shared-sectors", round(sectors), W_SECTORS, String.join(", ", sameDivisions)));
            }

            if (baseSemantic != null) {
                Classification cc = classifier.apply(c);
                if (cc != null) {
                    Map<String, Double> v = vector(cc);
                    double cos = cosine(baseSemantic, v);
                    weights += W_SEMANTIC;
                    sum += W_SEMANTIC * cos;
                    if (cos > 0) {
                        reason |= cos >= SEMANTIC_MIN;
                        reasons.add(new MatchReason("semantic", round(cos), W_SEMANTIC, semanticDetail(baseSemantic, v)));
                    }
                }
            }

            double crossBorder = Objects.equals(base.country(), c.country()) ? 0.5 : 1.0;
            weights += W_CROSS_BORDER;
            sum += W_CROSS_BORDER * crossBorder;
            reasons.add(new MatchReason("cross-border", crossBorder, W_CROSS_BORDER,
                    crossBorder == 1.0 ? base.country() + " – " + c.country() : "same country, another region"));

            if (reason) {
                out.add(new Complementary(c, round(sum / weights), reasons));
            }
        }
        out.sort(Comparator.comparingDouble(Complementary::score).reversed()
                .thenComparing(x -> x.cluster().name(), Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /** The cluster's NACE divisions: the directory's sectors and the profile's value chains. */
    static Set<String> divisions(ClusterProfile p) {
        Set<String> out = new LinkedHashSet<>();
        for (List<String> codes : List.of(p.sectors(), p.valueChains())) {
            for (String code : codes) {
                String d = ValueChain.division(code);
                if (d != null) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /** The NUTS 2 region (first four characters of the code), or the country outside NUTS. */
    static String region(ClusterProfile p) {
        String nuts = p.nutsCode();
        return nuts != null && nuts.length() >= 4 ? nuts.substring(0, 4) : p.country();
    }

    /** The text the classifier reads for a cluster. */
    static String text(ClusterProfile p) {
        List<String> parts = new ArrayList<>();
        parts.add(p.name());
        parts.add(p.description());
        parts.addAll(p.services());
        parts.add(p.strategicInterests());
        return String.join(". ", parts.stream().filter(s -> s != null && !s.isBlank()).toList());
    }

    private static double overlap(int shared, int a, int b) {
        int min = Math.min(a, b);
        return min == 0 ? 0 : (double) shared / min;
    }

    private static Map<String, Double> vector(Classification c) {
        if (c == null) {
            return null;
        }
        Map<String, Double> v = new HashMap<>();
        for (SectorSuggestion s : c.sectors()) {
            String d = ValueChain.division(s.naceCode());
            if (d != null) {
                v.merge(d, s.confidence(), Double::sum);
            }
        }
        return v;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            dot += e.getValue() * b.getOrDefault(e.getKey(), 0.0);
        }
        double na = Math.sqrt(a.values().stream().mapToDouble(x -> x * x).sum());
        double nb = Math.sqrt(b.values().stream().mapToDouble(x -> x * x).sum());
        return na == 0 || nb == 0 ? 0 : Math.min(1.0, dot / (na * nb));
    }

    private static String semanticDetail(Map<String, Double> a, Map<String, Double> b) {
        Set<String> both = new TreeSet<>(a.keySet());
        both.retainAll(b.keySet());
        return both.isEmpty() ? "similar descriptions" : "both described as NACE " + String.join(", ", both);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
