package eu.danubia.benchmarks;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import eu.danubia.matching.internal.calls.CallData;
import eu.danubia.matching.internal.calls.CallMatcher;
import eu.danubia.matching.internal.calls.FundedProject;
import eu.danubia.matching.internal.calls.Topic;
import eu.danubia.matching.internal.embed.EmbeddingCache;
import eu.danubia.matching.internal.embed.Model;
import eu.danubia.matching.internal.embed.OnnxNatives;
import eu.danubia.matching.internal.embed.SentenceEncoder;

/**
 * Call matching on CORDIS data: for every project of a TSV file (project_id, acronym, title, topic),
 * rank all thematic topics of topics.tsv by the project's title and print hit@1, hit@10 and MRR for
 * BM25 alone, each model alone, the embeddings alone and the hybrid ranking of the engine.
 *
 * <p>The engine's evidence (funded projects) is the bundled dev.tsv; a query project found in it is
 * left out of it for its own ranking (leave-one-out), so dev figures do not grade the engine on its
 * own labels.
 *
 * <p>Usage: {@code benchmarks/run CallMatching [projects.tsv] [topics.tsv]}; defaults are
 * ../shared/data/cordis-callmatch/dev.tsv and topics.tsv.
 */
public final class CallMatching {

    public static void main(String[] args) throws Exception {
        Path data = Path.of("..", "shared", "data", "cordis-callmatch");
        Path projectsFile = args.length > 0 ? Path.of(args[0]) : data.resolve("dev.tsv");
        Path topicsFile = args.length > 1 ? Path.of(args[1]) : data.resolve("topics.tsv");
        List<FundedProject> queries;
        List<Topic> topics;
        try (InputStream in = Files.newInputStream(projectsFile)) {
            queries = CallData.projects(in);
        }
        try (InputStream in = Files.newInputStream(topicsFile)) {
            topics = CallData.topics(in);
        }
        List<FundedProject> evidence = CallData.bundledProjects();
        Set<String> evidenceIds = evidence.stream().map(FundedProject::id).collect(Collectors.toSet());

        Path work = Path.of("benchmarks", "target");
        OnnxNatives.extract(work.resolve("onnxruntime"));
        long start = System.nanoTime();
        List<SentenceEncoder> encoders = List.of(SentenceEncoder.load(Model.MINILM, 0), SentenceEncoder.load(Model.BGE, 0));
        CallMatcher matcher = new CallMatcher(topics, evidence, encoders, new EmbeddingCache(work.resolve("embedding-cache")),
                CallMatcher.Weights.DEFAULT);
        System.out.printf(Locale.ROOT, "engine ready in %.1f s (%d topics, %d thematic; %d funded projects as evidence)%n",
                (System.nanoTime() - start) / 1e9, topics.size(), topics.stream().filter(Topic::thematic).count(), evidence.size());

        Map<String, Integer> index = new HashMap<>();
        for (int t = 0; t < topics.size(); t++) {
            index.put(topics.get(t).code(), t);
        }
        Map<String, Metrics> metrics = new LinkedHashMap<>();
        metrics.put("BM25 alone", new Metrics());
        for (SentenceEncoder e : encoders) {
            metrics.put("embeddings " + label(e.model()) + " alone", new Metrics());
        }
        metrics.put("embeddings alone (" + encoders.stream().map(e -> label(e.model())).collect(Collectors.joining(" + ")) + ")", new Metrics());
        metrics.put("hybrid (engine)", new Metrics());
        int leftOut = 0;
        int unknown = 0;
        long queryNanos = 0;
        for (FundedProject q : queries) {
            Integer gold = index.get(q.topic());
            if (gold == null || !topics.get(gold).thematic()) {
                unknown++;
            }
            if (evidenceIds.contains(q.id())) {
                leftOut++;
            }
            long t0 = System.nanoTime();
            CallMatcher.Signals s = matcher.signals(q.title(), q.id());
            queryNanos += System.nanoTime() - t0;
            List<float[]> columns = new ArrayList<>();
            columns.add(s.lexical());
            for (float[] c : s.cosine()) {
                columns.add(c);
            }
            columns.add(s.semantic());
            columns.add(s.hybrid());
            int i = 0;
            for (Metrics m : metrics.values()) {
                m.add(gold == null || !topics.get(gold).thematic() ? Integer.MAX_VALUE : rank(matcher, columns.get(i++), gold));
            }
        }
        System.out.printf(Locale.ROOT, "%d projects from %s; %d left out of the evidence for their own query (leave-one-out); %d with a topic that is not thematic or not in topics.tsv (counted as misses); %.1f ms per query%n",
                queries.size(), projectsFile, leftOut, unknown, queryNanos / 1e6 / Math.max(1, queries.size()));
        metrics.forEach((name, m) -> System.out.println(m.line(name)));
        encoders.forEach(SentenceEncoder::close);
    }

    private static String label(Model m) {
        return m == Model.MINILM ? "all-MiniLM-L6-v2" : "BGE-small-en-v1.5";
    }

    /** 1-based rank of the gold topic among the thematic topics; ties count against it. */
    private static int rank(CallMatcher matcher, float[] scores, int gold) {
        float g = scores[gold];
        int better = 0;
        List<Topic> topics = matcher.topics();
        for (int t = 0; t < scores.length; t++) {
            if (t != gold && topics.get(t).thematic() && scores[t] >= g) {
                better++;
            }
        }
        return better + 1;
    }

    private static final class Metrics {
        int n;
        int hit1;
        int hit10;
        double rr;

        void add(int rank) {
            n++;
            hit1 += rank == 1 ? 1 : 0;
            hit10 += rank <= 10 ? 1 : 0;
            rr += rank == Integer.MAX_VALUE ? 0 : 1.0 / rank;
        }

        String line(String name) {
            return String.format(Locale.ROOT, "%-50s hit@1=%.3f hit@10=%.3f MRR=%.3f", name, hit1 / (double) n, hit10 / (double) n, rr / n);
        }
    }
}
