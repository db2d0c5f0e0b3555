package eu.danubia.matching.internal.sectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.danubia.matching.internal.embed.SentenceEncoder;

/**
 * The salient words and phrases of a text, as written in it. Candidates are the runs of words between
 * stop words and punctuation, cut into phrases of one to three words; they are ranked by how close
 * each one's embedding is to the whole text's (the phrases that carry most of what the text says come
 * first), and a word of the text goes into one keyword at most, so the list does not repeat itself.
 * The same text always gives the same list.
 */
public final class Keywords {

    /** At most this many phrases are embedded; a long text keeps its first ones. */
    static final int MAX_CANDIDATES = 96;
    static final int MAX_WORDS = 3;

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}+#&'’.-]*|[.,;:!?()\\[\\]{}\"“”„/|•·–—]");

    /** Function words (English, Slovak, Czech) and the verbs and nouns every business text uses. */
    private static final Set<String> STOP = Set.copyOf(Arrays.asList(
            "a", "an", "and", "are", "as", "at", "be", "been", "being", "but", "by", "can", "could", "do", "does", "for",
            "from", "had", "has", "have", "he", "her", "here", "his", "how", "i", "if", "in", "into", "is", "it", "its",
            "it's", "just", "may", "me", "more", "most", "much", "my", "no", "nor", "not", "of", "on", "one", "only", "or",
            "other", "others", "our", "ours", "out", "over", "own", "per", "same", "she", "should", "so", "some", "such",
            "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to",
            "too", "under", "up", "us", "very", "via", "was", "we", "were", "what", "when", "where", "which", "while",
            "who", "whom", "why", "will", "with", "within", "without", "would", "you", "your", "also", "all", "any",
            "both", "each", "every", "including", "across", "about", "among", "between", "during", "since", "well",
            "new", "many", "several", "etc", "e.g", "i.e", "like", "based", "located", "founded", "established",
            "offer", "offers", "offering", "provide", "provides", "providing", "provided", "develop", "develops",
            "developing", "produce", "produces", "producing", "make", "makes", "making", "sell", "sells", "selling",
            "supply", "supplies", "deliver", "delivers", "help", "helps", "looking", "seeking", "seek", "seeks", "want",
            "need", "needs", "use", "uses", "using", "used", "work", "works", "working", "focus", "focused", "focuses",
            "specialise", "specialises", "specialised", "specialising", "specialize", "specializes", "specialized",
            "specializing", "company", "companies", "firm", "firms", "business", "businesses", "team", "year", "years",
            "leading", "high-quality", "quality", "wide", "range", "various", "own", "best", "first", "main", "key",
            "elsewhere", "rest", "known", "best-known", "operate", "operates", "run", "runs", "connect", "connects",
            "find", "finds", "advise", "advises", "represent", "represents", "prepare", "prepares", "teach", "teaches",
            "translate", "translates", "cut", "cuts", "keep", "keeps", "serve", "serves", "sold", "transports",
            "generate", "generates", "build", "builds", "research", "researches", "create", "creates", "design",
            "designs", "manufacture", "manufactures", "distribute", "distributes", "export", "exports", "import",
            "imports", "include", "includes", "support", "supports", "enable", "enables", "allow", "allows",
            // Slovak and Czech
            "aj", "ako", "alebo", "ani", "ale", "by", "bol", "bola", "bolo", "do", "je", "jsou", "ich", "jej", "jeho",
            "k", "ku", "kde", "ktorá", "ktoré", "ktorý", "která", "které", "který", "na", "nad", "o", "od", "po", "pod",
            "pre", "pri", "pro", "při", "s", "sa", "se", "so", "sú", "sme", "jsme", "ta", "tak", "to", "už", "v", "vo",
            "ve", "z", "za", "zo", "ze", "že", "naše", "naša", "náš", "nás", "firma", "spoločnosť", "společnost",
            "provozuje", "prodává", "vyrábí", "vyrábějící", "nabízí", "poskytuje", "ponúka", "poskytuje", "vyrába",
            "vyvíja", "vyvíjí", "dodáva", "dodává", "predáva", "zabezpečuje", "zaoberá", "zabývá"));

    /** Words in -ing that are nouns of trade; any other -ing word is read as a verb (see {@link #candidates}). */
    private static final Set<String> NOUN_ING = Set.of("engineering", "manufacturing", "marketing", "consulting",
            "accounting", "housing", "clothing", "packaging", "printing", "building", "buildings", "training", "catering",
            "banking", "processing", "recycling", "machining", "moulding", "molding", "painting", "roofing", "plumbing",
            "cleaning", "testing", "computing", "networking", "hosting", "financing", "farming", "mining", "shipping",
            "publishing", "advertising", "lighting", "heating", "wiring", "welding", "casting", "forging", "coating",
            "sewing", "brewing", "bookkeeping", "logging", "fishing", "trading", "leasing", "renting",
            "programming", "learning", "modelling", "modeling", "planning", "monitoring", "recruiting", "outsourcing",
            "hairdressing", "dry-cleaning", "landscaping", "sourcing", "ticketing", "invoicing", "routing", "tooling");

    /** Words that may stand in a phrase but say nothing on their own. */
    private static final Set<String> NOT_ALONE = Set.of(
            "service", "services", "product", "products", "solution", "solutions", "system", "systems", "customer",
            "customers", "client", "clients", "partner", "partners", "market", "markets", "europe", "european", "region",
            "world", "worldwide", "international", "local", "national", "small", "large", "medium", "sized", "custom",
            "full", "complete", "modern", "innovative", "other", "type", "types", "field", "area", "areas", "level",
            "producer", "manufacturer", "developer", "designer", "studio", "operator", "provider", "supplier", "maker",
            "family", "central", "eastern", "western", "northern", "southern", "fixed", "electric", "generic",
            "original", "heavy", "light", "traditional", "daily", "online", "free", "global", "processed", "integrated",
            "red", "white", "green", "home", "users", "user", "people", "office", "shop", "shops", "network");

    private Keywords() {
    }

    /** A candidate phrase: its words as written, and the positions of its words in the text. */
    record Candidate(String phrase, int first, int last) {
    }

    /** The candidate phrases of a text in order of first appearance, without repeats (compared in lower case). */
    static List<Candidate> candidates(String text) {
        List<List<int[]>> runs = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<int[]> run = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            String token = trimDots(m.group());
            String lower = token.toLowerCase(Locale.ROOT);
            boolean word = !token.isEmpty() && Character.isLetterOrDigit(token.codePointAt(0));
            if (!word || STOP.contains(lower) || token.length() < 2 || isNumber(lower)) {
                if (!run.isEmpty()) {
                    runs.add(run);
                    run = new ArrayList<>();
                }
                continue;
            }
            run.add(new int[] {words.size(), m.start()});
            words.add(token);
            if (m.group().endsWith(".") && m.group().length() > token.length()) {
                // a full stop ends the sentence, and the run
                runs.add(run);
                run = new ArrayList<>();
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        Map<String, Candidate> out = new LinkedHashMap<>();
        for (List<int[]> r : runs) {
            for (int i = 0; i < r.size(); i++) {
                for (int n = 1; n <= MAX_WORDS && i + n <= r.size(); n++) {
                    int first = r.get(i)[0];
                    int last = r.get(i + n - 1)[0];
                    if (n == 1 && NOT_ALONE.contains(words.get(first).toLowerCase(Locale.ROOT)) || verbInside(words, first, last)) {
                        continue;
                    }
                    String phrase = String.join(" ", words.subList(first, last + 1));
                    out.putIfAbsent(phrase.toLowerCase(Locale.ROOT), new Candidate(phrase, first, last));
                    if (out.size() >= MAX_CANDIDATES) {
                        return List.copyOf(out.values());
                    }
                }
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * The keywords of a text, best first.
     *
     * @param textVector the text's embedding by {@code encoder}
     */
    public static List<String> of(String text, float[] textVector, SentenceEncoder encoder, int max) {
        List<Candidate> candidates = candidates(text);
        if (candidates.isEmpty() || max <= 0) {
            return List.of();
        }
        float[][] vectors = encoder.embed(candidates.stream().map(Candidate::phrase).toList());
        double[] score = new double[candidates.size()];
        for (int i = 0; i < score.length; i++) {
            score[i] = SentenceEncoder.cosine(vectors[i], textVector);
        }
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // ties keep the text's order
        Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
        return select(candidates, order, max);
    }

    /** Takes candidates in the given order, skipping any that reuse a word of one already taken. */
    static List<String> select(List<Candidate> candidates, Integer[] order, int max) {
        Set<Integer> used = new HashSet<>();
        Set<String> taken = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (int i : order) {
            Candidate c = candidates.get(i);
            boolean free = true;
            for (int w = c.first(); w <= c.last() && free; w++) {
                free = !used.contains(w);
            }
            if (!free || !taken.add(c.phrase().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (int w = c.first(); w <= c.last(); w++) {
                used.add(w);
            }
            out.add(c.phrase());
            if (out.size() == max) {
                break;
            }
        }
        return out;
    }

    /**
     * Whether an -ing verb ("flying", "connecting") stands anywhere but at the head of a longer phrase, where
     * it reads as a modifier ("washing machines"); without a part-of-speech tagger this keeps most verbs out.
     */
    static boolean verbInside(List<String> words, int first, int last) {
        for (int w = first; w <= last; w++) {
            String lower = words.get(w).toLowerCase(Locale.ROOT);
            boolean verb = lower.endsWith("ing") && lower.length() > 5 && !NOUN_ING.contains(lower);
            if (verb && (w > first || first == last)) {
                return true;
            }
        }
        return false;
    }

    private static String trimDots(String token) {
        int end = token.length();
        while (end > 0 && (token.charAt(end - 1) == '.' || token.charAt(end - 1) == '-' || token.charAt(end - 1) == '\'')) {
            end--;
        }
        return token.substring(0, end);
    }

    private static boolean isNumber(String token) {
        return token.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',' || c == '-');
    }
}
