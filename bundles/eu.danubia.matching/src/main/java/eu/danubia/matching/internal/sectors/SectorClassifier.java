package eu.danubia.matching.internal.sectors;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;

import eu.danubia.api.matching.Classification;
import eu.danubia.api.matching.SectorSuggestion;
import eu.danubia.matching.internal.embed.EmbeddingCache;
import eu.danubia.matching.internal.embed.Model;
import eu.danubia.matching.internal.embed.SentenceEncoder;
import eu.danubia.matching.internal.text.Lexical;

/**
 * Suggests NACE Rev.2 classes for a free text (a company or profile description).
 *
 * <p><b>What it returns.</b> NACE Rev.2 classes in the platform's format, {@code "62.01"}, the format
 * {@code Validator.nace} accepts and the directory and B2B modules store; the division is the first two
 * digits (the directory's NACE filter matches by prefix). The SK code list has 5-digit sub-classes
 * whose first four digits are the class: each sub-class is scored on its own and a class takes the best
 * of its sub-classes; its label is its sub-classes' register labels joined with "; ", as
 * {@code /api/reference/nace} shows them.
 *
 * <p><b>How.</b> A class's score is
 * {@code cos(text, sub-class label) + division · cos(text, division title) + lexical · coverage}, where
 * the cosines are averaged over the given models, labels are embedded after {@link LabelExpansion},
 * and coverage is the IDF-weighted share of the expanded label's stemmed words found in the text. A
 * text that reads as Slovak or Czech is also matched against the Slovak labels (diacritics stripped,
 * words compared by their first five letters, because the labels are abbreviated and the languages
 * inflect), with weight {@code slovak}. The confidence is the softmax of the scores over all 615 classes
 * at {@code temperature}, chosen on the evaluation set so that the confidence summed over a division is
 * about how often that division is right (see {@link Weights} and {@code SectorClassifierTest}: with both
 * models the first division's mean confidence is 0.84 where it is right 0.87 of the time).
 *
 * <p><b>Keywords.</b> {@link Keywords}, ranked with the first model.
 *
 * <p>Thread-safe: everything is computed in the constructor and only read afterwards.
 */
public final class SectorClassifier {

    /**
     * The score's weights and the softmax temperature. Measured on the evaluation set: the division title
     * helps a little (top-1 64 → 67 of 76 at 0.3), the Slovak labels a lot for Slovak and Czech input (top-3
     * 67 → 71), the English lexical coverage barely (best at 0.05; above 0.15 it loses, e.g. "steel mill"
     * pulls "grain mill products"). The temperature minimises the negative log-likelihood of the right
     * division: 0.03 with both models (0.59 per description), 0.04 with MiniLM alone, 0.02 with BGE alone.
     */
    public record Weights(double division, double lexical, double slovak, double temperature) {

        public static final Weights DEFAULT = new Weights(0.3, 0.05, 0.3, 0.03);

        /** {@link #DEFAULT} with the temperature measured for these models. */
        public static Weights of(List<SentenceEncoder> encoders) {
            double t = encoders.size() != 1 ? DEFAULT.temperature() : encoders.get(0).model() == Model.BGE ? 0.02 : 0.04;
            return new Weights(DEFAULT.division(), DEFAULT.lexical(), DEFAULT.slovak(), t);
        }
    }

    /** One NACE Rev.2 class and the SK sub-classes it groups. */
    public record NaceClass(String code, String label, List<NaceLabel> entries) {
    }

    /** Every class's score for one text, by index of {@link #classes()}. */
    record Scores(double[] semantic, double[] lexical, double[] slovak, double[] total, double[] probability) {
    }

    static final int KEYWORDS = 8;

    private static final String FIELD = "label";
    private static final Pattern NON_LETTER = Pattern.compile("[^\\p{L}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SLAVIC_LETTERS = Pattern.compile("[áäčďéěíĺľňóôŕřšťúůýž]");
    private static final Set<String> SLAVIC_WORDS = Set.of("a", "v", "vo", "ve", "na", "pre", "pro", "s", "so", "se",
            "sa", "z", "zo", "je", "sú", "jsou", "aj", "i", "k", "do", "od", "pri", "při", "ako", "jako", "alebo", "nebo");
    /** Label words that every other label has and that say nothing (stemmed). */
    private static final Set<String> LABEL_NOISE = Set.of("other", "elsewher", "classifi", "activ");
    /** The same for the Slovak labels: "ost." other, "čin." activities, "i.n." n.e.c., "súvis." related. */
    private static final Set<String> SLOVAK_NOISE = Set.of("ost", "cin", "suvis", "sluz", "ine");

    private final List<NaceClass> classes;
    private final List<NaceLabel> entries;
    private final int[] entryClass;
    private final List<SentenceEncoder> encoders;
    private final Weights weights;
    private final float[][][] entryVectors;    // [model][entry]
    private final float[][][] divisionVectors; // [model][class], the class's division title
    private final Analyzer analyzer = Lexical.analyzer();
    private final Map<String, Double>[] entryTerms;  // stem → idf, per entry
    private final String[][] entrySlovak;            // normalised Slovak label words, per entry
    private final Map<String, Double> slovakIdf;

    /**
     * @param encoders one or more models; the first also ranks the keywords
     * @param cache where the label vectors are kept between starts; null embeds them every time
     */
    @SuppressWarnings("unchecked")
    public SectorClassifier(List<NaceLabel> labels, List<SentenceEncoder> encoders, EmbeddingCache cache, Weights weights) {
        if (labels.isEmpty() || encoders.isEmpty()) {
            throw new IllegalArgumentException("needs labels and at least one model");
        }
        this.entries = List.copyOf(labels);
        this.encoders = List.copyOf(encoders);
        this.weights = weights;

        Map<String, List<NaceLabel>> byClass = new LinkedHashMap<>();
        for (NaceLabel l : entries) {
            byClass.computeIfAbsent(l.naceClass(), k -> new ArrayList<>()).add(l);
        }
        List<NaceClass> cs = new ArrayList<>();
        byClass.forEach((code, ls) -> {
            Set<String> names = new LinkedHashSet<>();
            ls.forEach(l -> names.add(l.label()));
            cs.add(new NaceClass(code, String.join("; ", names), List.copyOf(ls)));
        });
        this.classes = List.copyOf(cs);
        Map<String, Integer> classIndex = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            classIndex.put(classes.get(i).code(), i);
        }
        this.entryClass = entries.stream().mapToInt(l -> classIndex.get(l.naceClass())).toArray();

        List<String> expanded = entries.stream().map(LabelExpansion::expand).toList();
        List<String> divisionTitles = classes.stream().map(c -> NaceDivisions.title(c.code().substring(0, 2))).toList();
        this.entryVectors = new float[this.encoders.size()][][];
        this.divisionVectors = new float[this.encoders.size()][][];
        for (int m = 0; m < this.encoders.size(); m++) {
            SentenceEncoder e = this.encoders.get(m);
            entryVectors[m] = embed(e, cache, "nace-labels", expanded);
            float[][] titles = embed(e, cache, "nace-divisions", divisionTitles.stream().distinct().toList());
            Map<String, float[]> byTitle = new HashMap<>();
            List<String> distinct = divisionTitles.stream().distinct().toList();
            for (int i = 0; i < distinct.size(); i++) {
                byTitle.put(distinct.get(i), titles[i]);
            }
            divisionVectors[m] = divisionTitles.stream().map(byTitle::get).toArray(float[][]::new);
        }

        List<Set<String>> terms = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (String text : expanded) {
            Set<String> t = new LinkedHashSet<>(Lexical.terms(analyzer, FIELD, text));
            t.removeAll(LABEL_NOISE);
            terms.add(t);
            t.forEach(w -> df.merge(w, 1, Integer::sum));
        }
        this.entryTerms = new Map[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Double> idf = new LinkedHashMap<>();
            for (String w : terms.get(i)) {
                idf.put(w, Math.log(1 + (double) entries.size() / df.get(w)));
            }
            entryTerms[i] = Map.copyOf(idf);
        }

        this.entrySlovak = new String[entries.size()][];
        Map<String, Integer> skDf = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            entrySlovak[i] = slovakWords(entries.get(i).labelSk()).stream().filter(w -> !SLOVAK_NOISE.contains(w))
                    .distinct().toArray(String[]::new);
            Arrays.stream(entrySlovak[i]).forEach(w -> skDf.merge(w, 1, Integer::sum));
        }
        Map<String, Double> skIdf = new HashMap<>();
        skDf.forEach((w, n) -> skIdf.put(w, Math.log(1 + (double) entries.size() / n)));
        this.slovakIdf = Map.copyOf(skIdf);
    }

    /** One model, its default weights, no cache. */
    public SectorClassifier(List<NaceLabel> labels, SentenceEncoder encoder) {
        this(labels, List.of(encoder), null, Weights.of(List.of(encoder)));
    }

    /** The NACE list shipped in this bundle, with the default weights for these models. */
    public static SectorClassifier bundled(List<SentenceEncoder> encoders, EmbeddingCache cache) {
        return new SectorClassifier(NaceLabel.bundled(), encoders, cache, Weights.of(encoders));
    }

    private static float[][] embed(SentenceEncoder e, EmbeddingCache cache, String name, List<String> texts) {
        return (cache != null ? cache : new EmbeddingCache(null)).vectors(e, name, texts);
    }

    public List<NaceClass> classes() {
        return classes;
    }

    public Weights weights() {
        return weights;
    }

    /** At most {@code limit} classes, best first, and the text's keywords. */
    public Classification classify(String text, int limit) {
        if (text == null || text.isBlank() || limit <= 0) {
            return new Classification(List.of(), List.of());
        }
        float[][] vectors = textVectors(text);
        Scores s = scores(text, vectors, weights);
        Integer[] order = order(s.total());
        List<SectorSuggestion> out = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, order.length); i++) {
            NaceClass c = classes.get(order[i]);
            out.add(new SectorSuggestion(c.code(), c.label(), round(s.probability()[order[i]])));
        }
        return new Classification(out, Keywords.of(text, vectors[0], encoders.get(0), KEYWORDS));
    }

    /** The text's vector by each model; BGE reads it as a query, as its retrieval recipe says. */
    float[][] textVectors(String text) {
        float[][] out = new float[encoders.size()][];
        for (int m = 0; m < out.length; m++) {
            SentenceEncoder e = encoders.get(m);
            out[m] = e.model() == Model.BGE ? e.embedQuery(text) : e.embed(text);
        }
        return out;
    }

    /** Every class's score for a text, with the given weights (the evaluation tunes them). */
    Scores scores(String text, float[][] textVectors, Weights w) {
        int n = classes.size();
        double[] semantic = new double[n];
        double[] lexical = new double[n];
        double[] slovak = new double[n];
        double[] total = new double[n];
        Arrays.fill(total, Double.NEGATIVE_INFINITY);
        Set<String> textTerms = Lexical.terms(analyzer, FIELD, text);
        List<String> textSlovak = looksSlovakOrCzech(text) ? slovakWords(text) : List.of();
        int models = encoders.size();
        for (int i = 0; i < entries.size(); i++) {
            double sem = 0;
            for (int m = 0; m < models; m++) {
                sem += SentenceEncoder.cosine(textVectors[m], entryVectors[m][i]);
            }
            sem /= models;
            double lex = coverage(entryTerms[i], textTerms);
            double sk = textSlovak.isEmpty() ? 0 : slovakCoverage(entrySlovak[i], textSlovak);
            double score = sem + w.lexical() * lex + w.slovak() * sk;
            int c = entryClass[i];
            if (score > total[c]) {
                total[c] = score;
                semantic[c] = sem;
                lexical[c] = lex;
                slovak[c] = sk;
            }
        }
        for (int c = 0; c < n; c++) {
            double div = 0;
            for (int m = 0; m < models; m++) {
                div += SentenceEncoder.cosine(textVectors[m], divisionVectors[m][c]);
            }
            total[c] += w.division() * div / models;
        }
        return new Scores(semantic, lexical, slovak, total, softmax(total, w.temperature()));
    }

    private static double coverage(Map<String, Double> labelTerms, Set<String> textTerms) {
        double all = 0;
        double found = 0;
        for (Map.Entry<String, Double> t : labelTerms.entrySet()) {
            all += t.getValue();
            if (textTerms.contains(t.getKey())) {
                found += t.getValue();
            }
        }
        return all == 0 ? 0 : found / all;
    }

    private double slovakCoverage(String[] labelWords, List<String> textWords) {
        double all = 0;
        double found = 0;
        for (String a : labelWords) {
            double idf = slovakIdf.get(a);
            all += idf;
            for (String w : textWords) {
                if (sameStem(a, w)) {
                    found += idf;
                    break;
                }
            }
        }
        return all == 0 ? 0 : found / all;
    }

    /** A label word (often cut short: "výr.", "potrav.") and a text word agree on their first letters, up to five. */
    static boolean sameStem(String label, String word) {
        int n = Math.min(label.length(), 5);
        return n >= 3 && word.length() >= n && word.regionMatches(0, label, 0, n);
    }

    /** Lower-case words of three letters or more, without diacritics. */
    static List<String> slovakWords(String text) {
        if (text == null) {
            return List.of();
        }
        String plain = MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
        List<String> out = new ArrayList<>();
        for (String w : NON_LETTER.split(plain)) {
            if (w.length() >= 3) {
                out.add(w);
            }
        }
        return out;
    }

    /** A quarter of the words carry Slovak or Czech letters or are Slovak or Czech function words. */
    static boolean looksSlovakOrCzech(String text) {
        String[] words = NON_LETTER.split(text.toLowerCase(Locale.ROOT).trim());
        int hits = 0;
        int all = 0;
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            all++;
            if (SLAVIC_WORDS.contains(w) || SLAVIC_LETTERS.matcher(w).find()) {
                hits++;
            }
        }
        return all > 0 && hits * 4 >= all;
    }

    static double[] softmax(double[] scores, double temperature) {
        double max = Arrays.stream(scores).max().orElse(0);
        double[] p = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp((scores[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Class indexes by descending score; ties by code, so the order never depends on anything else. */
    static Integer[] order(double[] total) {
        Integer[] order = new Integer[total.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> total[a] != total[b] ? Double.compare(total[b], total[a]) : Integer.compare(a, b));
        return order;
    }

    private static double round(double p) {
        return Math.round(p * 1000) / 1000.0;
    }
}
