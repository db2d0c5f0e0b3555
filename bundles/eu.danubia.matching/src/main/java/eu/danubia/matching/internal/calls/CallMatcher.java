package eu.danubia.matching.internal.calls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

import eu.danubia.api.matching.CallMatch;
import eu.danubia.api.matching.MatchReason;
import eu.danubia.matching.internal.embed.EmbeddingCache;
import eu.danubia.matching.internal.embed.SentenceEncoder;
import eu.danubia.matching.internal.text.Lexical;

/**
 * Ranks the thematic funding topics for a project text. The score adds up, with configured weights:
 * <ul>
 * <li>{@code semantic}: cosine of the text and the topic title, averaged over the models, less the
 * topic's "hubness" (the mean cosine of the topic with its nearest funded-project titles; a topic
 * close to everything is worth less when it is close to this text);</li>
 * <li>{@code lexical}: Lucene BM25 of the text against the topic title, divided by the best;</li>
 * <li>{@code similar-projects}: the funded projects most like the text vote for their topics;</li>
 * <li>{@code similar-families}: the same votes pooled by topic family (destination);</li>
 * <li>{@code funding-history}: how many projects the topic's year, family-year and call funded
 * (log-probabilities, smoothed), because calls differ a lot in how many projects they fund.</li>
 * </ul>
 * The funded projects are evidence; a query that is itself one of them leaves it out (the benchmark
 * on dev.tsv is therefore leave-one-out).
 */
public final class CallMatcher {

    /** The ranking's weights and shapes; the defaults were tuned on dev.tsv, see docs/matching.md. */
    public record Weights(double semantic, double lexical, double similarProjects, double similarFamilies,
            double yearPrior, double familyYearPrior, double callPrior, double projectTemperature,
            double familyTemperature, int hubNeighbours) {

        public static final Weights DEFAULT = new Weights(14.0, 2.0, 1.0, 1.0, 0.5, 0.5, 0.6, 0.10, 0.05, 20);
    }

    /** Each signal's value per topic (indexes of {@link #topics()}), for one text. */
    public record Signals(float[][] cosine, float[] semantic, float[] lexical, float[] projects, float[] families,
            float[] prior, float[] hybrid, float[] projectKernel) {
    }

    private static final double FAMILY_FLOOR = 0.05;
    private static final String TITLE = "title";

    private final List<Topic> topics;
    private final List<FundedProject> projects;
    private final List<SentenceEncoder> encoders;
    private final Weights w;
    private final float[][][] topicVectors;   // [model][topic]
    private final float[][][] projectVectors; // [model][project]
    private final float[][] hub;              // [model][topic]
    private final int[] projectTopic;         // topic index of each project's topic, -1 if unknown
    private final Category year;
    private final Category familyYear;
    private final Category call;
    private final Analyzer analyzer = Lexical.analyzer();
    private final IndexSearcher titles;

    public CallMatcher(List<Topic> topics, List<FundedProject> projects, List<SentenceEncoder> encoders,
            EmbeddingCache cache, Weights weights) {
        if (encoders.isEmpty()) {
            throw new IllegalArgumentException("at least one model");
        }
        this.topics = List.copyOf(topics);
        this.projects = List.copyOf(projects);
        this.encoders = List.copyOf(encoders);
        this.w = weights;
        List<String> topicTitles = topics.stream().map(Topic::title).toList();
        List<String> projectTitles = projects.stream().map(FundedProject::title).toList();
        int m = encoders.size();
        topicVectors = new float[m][][];
        projectVectors = new float[m][][];
        hub = new float[m][];
        for (int i = 0; i < m; i++) {
            topicVectors[i] = cache.vectors(encoders.get(i), "topics", topicTitles);
            projectVectors[i] = cache.vectors(encoders.get(i), "funded-projects", projectTitles);
            hub[i] = hubness(topicVectors[i], projectVectors[i], weights.hubNeighbours());
        }
        Map<String, Integer> byCode = new HashMap<>();
        for (int t = 0; t < topics.size(); t++) {
            byCode.put(topics.get(t).code(), t);
        }
        projectTopic = projects.stream().mapToInt(p -> byCode.getOrDefault(p.topic(), -1)).toArray();
        year = new Category(Topic::year, 1.0);
        familyYear = new Category(Topic::familyYear, 0.5);
        call = new Category(Topic::call, 0.5);
        titles = titleIndex();
    }

    public List<Topic> topics() {
        return topics;
    }

    public List<SentenceEncoder> encoders() {
        return encoders;
    }

    /** The best thematic topics for a text, each with its reasons. */
    public List<CallMatch> recommend(String text, int limit) {
        Signals s = signals(text, null);
        Integer[] order = thematicOrder(s.hybrid());
        List<CallMatch> out = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, order.length); i++) {
            int t = order[i];
            out.add(new CallMatch(topics.get(t).code(), topics.get(t).title(), round(s.hybrid()[t]), reasons(s, t)));
        }
        return out;
    }

    /** Thematic topic indexes, best first by the given scores. */
    public Integer[] thematicOrder(float[] scores) {
        return java.util.stream.IntStream.range(0, topics.size()).filter(t -> topics.get(t).thematic()).boxed()
                .sorted(Comparator.comparingDouble((Integer t) -> -scores[t]).thenComparing(t -> t))
                .toArray(Integer[]::new);
    }

    /**
     * Every signal for a text.
     *
     * @param leaveOut a funded project's id to leave out of the evidence (the benchmark's leave-one-out), or null
     */
    public Signals signals(String text, String leaveOut) {
        int nt = topics.size();
        int m = encoders.size();
        float[][] queries = new float[m][];
        for (int i = 0; i < m; i++) {
            queries[i] = encoders.get(i).embed(text);
        }
        float[][] cosine = new float[m][nt];
        float[] semantic = new float[nt];
        for (int i = 0; i < m; i++) {
            for (int t = 0; t < nt; t++) {
                cosine[i][t] = SentenceEncoder.cosine(queries[i], topicVectors[i][t]);
                semantic[t] += (2 * cosine[i][t] - hub[i][t]) / m;
            }
        }
        float[] lexical = lexical(text);

        int left = -1;
        float[] kernel = new float[projects.size()];
        double[] topicVotes = new double[nt];
        Map<String, Double> familyVotes = new HashMap<>();
        double familyTotal = 0;
        for (int p = 0; p < projects.size(); p++) {
            if (projects.get(p).id().equals(leaveOut)) {
                left = projectTopic[p];
                continue;
            }
            double sim = 0;
            for (int i = 0; i < m; i++) {
                sim += SentenceEncoder.cosine(queries[i], projectVectors[i][p]) / m;
            }
            kernel[p] = (float) Math.exp((sim - 1) / w.projectTemperature());
            int t = projectTopic[p];
            if (t >= 0) {
                topicVotes[t] += kernel[p];
                double f = Math.exp((sim - 1) / w.familyTemperature());
                familyVotes.merge(topics.get(t).family(), f, Double::sum);
                familyTotal += f;
            }
        }
        float[] projectSignal = new float[nt];
        float[] familySignal = new float[nt];
        float[] prior = new float[nt];
        float[] hybrid = new float[nt];
        for (int t = 0; t < nt; t++) {
            projectSignal[t] = (float) Math.log1p(topicVotes[t]);
            double share = familyTotal == 0 ? 0 : familyVotes.getOrDefault(topics.get(t).family(), 0.0) / familyTotal;
            familySignal[t] = (float) Math.log(FAMILY_FLOOR + share);
            prior[t] = (float) (w.yearPrior() * year.logPrior(t, left) + w.familyYearPrior() * familyYear.logPrior(t, left)
                    + w.callPrior() * call.logPrior(t, left));
            hybrid[t] = (float) (w.semantic() * semantic[t] + w.lexical() * lexical[t]
                    + w.similarProjects() * projectSignal[t] + w.similarFamilies() * familySignal[t] + prior[t]);
        }
        return new Signals(cosine, semantic, lexical, projectSignal, familySignal, prior, hybrid, kernel);
    }

    private List<MatchReason> reasons(Signals s, int t) {
        List<MatchReason> out = new ArrayList<>();
        double cos = 0;
        for (float[] c : s.cosine()) {
            cos += c[t] / s.cosine().length;
        }
        out.add(new MatchReason("semantic", round(cos), w.semantic(),
                "meaning of the text close to the topic title (cosine " + String.format(Locale.ROOT, "%.2f", cos) + ")"));
        if (s.lexical()[t] > 0) {
            out.add(new MatchReason("lexical", round(s.lexical()[t]), w.lexical(), "words shared with the topic title"));
        }
        String similar = similarFunded(s.projectKernel(), t);
        if (!similar.isEmpty()) {
            out.add(new MatchReason("similar-projects", round(s.projects()[t]), w.similarProjects(),
                    "funded projects like yours: " + similar));
        }
        out.add(new MatchReason("similar-families", round(s.families()[t]), w.similarFamilies(),
                "projects like yours were funded in " + topics.get(t).family()));
        int funded = call.count(t);
        out.add(new MatchReason("funding-history", round(s.prior()[t]), 1.0,
                funded + " funded project(s) known for the call " + topics.get(t).call()));
        return out;
    }

    private String similarFunded(float[] kernel, int t) {
        List<Integer> ps = new ArrayList<>();
        for (int p = 0; p < projects.size(); p++) {
            if (projectTopic[p] == t && kernel[p] > 0) {
                ps.add(p);
            }
        }
        ps.sort(Comparator.comparingDouble(p -> -kernel[p]));
        return ps.stream().limit(2).map(p -> projects.get(p).acronym() + " (" + projects.get(p).title() + ")")
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    private float[] lexical(String text) {
        float[] out = new float[topics.size()];
        try {
            Optional<Query> q = Lexical.query(analyzer, text, Map.of(TITLE, 1f));
            if (q.isEmpty()) {
                return out;
            }
            ScoreDoc[] hits = titles.search(q.get(), topics.size()).scoreDocs;
            float best = hits.length == 0 ? 0 : hits[0].score;
            for (ScoreDoc h : hits) {
                int t = titles.storedFields().document(h.doc).getField("i").numericValue().intValue();
                out[t] = best == 0 ? 0 : h.score / best;
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IndexSearcher titleIndex() {
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (int t = 0; t < topics.size(); t++) {
                    Document d = new Document();
                    d.add(new TextField(TITLE, topics.get(t).title(), Field.Store.NO));
                    d.add(new StoredField("i", t));
                    writer.addDocument(d);
                }
            }
            return new IndexSearcher(DirectoryReader.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mean cosine of each topic with its k nearest funded-project titles. */
    private static float[] hubness(float[][] topicVectors, float[][] projectVectors, int k) {
        float[] out = new float[topicVectors.length];
        int n = Math.min(k, projectVectors.length);
        if (n == 0) {
            return out;
        }
        float[] sims = new float[projectVectors.length];
        for (int t = 0; t < topicVectors.length; t++) {
            for (int p = 0; p < projectVectors.length; p++) {
                sims[p] = SentenceEncoder.cosine(topicVectors[t], projectVectors[p]);
            }
            float[] sorted = sims.clone();
            Arrays.sort(sorted);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += sorted[sorted.length - 1 - i];
            }
            out[t] = (float) (sum / n);
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /**
     * Topics grouped by a key of their code (year, family, call): the log-probability that a funded
     * project's topic falls in each group, spread evenly over the group's topics, smoothed by alpha.
     */
    private final class Category {
        private final int[] of;        // group of each topic
        private final int[] size;      // topics per group
        private final int[] funded;    // funded projects per group
        private final double alpha;
        private final int total;

        Category(Function<Topic, String> key, double alpha) {
            this.alpha = alpha;
            Map<String, Integer> ids = new HashMap<>();
            of = new int[topics.size()];
            for (int t = 0; t < topics.size(); t++) {
                of[t] = ids.computeIfAbsent(key.apply(topics.get(t)), k -> ids.size());
            }
            size = new int[ids.size()];
            funded = new int[ids.size()];
            for (int g : of) {
                size[g]++;
            }
            int n = 0;
            for (int t : projectTopic) {
                if (t >= 0) {
                    funded[of[t]]++;
                    n++;
                }
            }
            total = n;
        }

        /** log P(topic) by this grouping, without the left-out project's topic (-1 for none). */
        double logPrior(int t, int leftTopic) {
            int g = of[t];
            int c = funded[g] - (leftTopic >= 0 && of[leftTopic] == g ? 1 : 0);
            int n = total - (leftTopic >= 0 ? 1 : 0);
            return Math.log((c + alpha) / (n + alpha * size.length)) - Math.log(size[g]);
        }

        int count(int t) {
            return funded[of[t]];
        }
    }
}
