package eu.danubia.rdi.internal;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The words of a text for the lexical fallbacks: lower case, accents removed, 3+ letters, no stop words. */
final class Words {

    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "from", "that", "this", "into", "are",
            "its", "our", "their", "will", "can", "has", "have", "was", "were", "been", "not", "but", "all", "any", "new",
            "use", "using", "based", "through", "which", "who", "what", "more", "also", "other", "such", "than", "per",
            "via", "on", "of", "in", "to", "a", "an", "or", "by", "as", "at", "be", "is", "it", "we", "us", "you",
            "project", "projects", "idea", "partner", "partners", "looking", "seek", "seeks", "europe", "european");

    private Words() {
    }

    static Set<String> of(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        for (String w : plain.split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3 && !STOP.contains(w) && !w.chars().allMatch(Character::isDigit)) {
                out.add(w);
            }
        }
        return out;
    }

    /** The words of {@code a} found in {@code b}, also as a prefix of 5+ letters (photovoltaic ~ photovoltaics). */
    static Set<String> shared(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : a) {
            if (b.contains(w)) {
                out.add(w);
                continue;
            }
            if (w.length() >= 5) {
                String stem = w.substring(0, Math.max(5, w.length() - 2));
                for (String x : b) {
                    if (x.length() >= 5 && (x.startsWith(stem) || w.startsWith(x.substring(0, Math.max(5, x.length() - 2))))) {
                        out.add(w);
                        break;
                    }
                }
            }
        }
        return out;
    }
}
