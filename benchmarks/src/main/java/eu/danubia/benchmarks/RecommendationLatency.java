package eu.danubia.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.danubia.api.cooperation.CooperationProfile;
import eu.danubia.api.cooperation.Direction;
import eu.danubia.api.cooperation.ProfileStatus;
import eu.danubia.matching.internal.embed.Model;
import eu.danubia.matching.internal.embed.OnnxNatives;
import eu.danubia.matching.internal.embed.SentenceEncoder;
import eu.danubia.matching.internal.index.ProfileIndex;
import eu.danubia.matching.internal.index.ProfileIndex.Filter;
import eu.danubia.matching.internal.index.ProfileIndex.Hit;

/**
 * Latency of a recommendation ("profiles of the other direction like mine, still open, of another
 * organisation", top 10) through the HNSW graph, its recall against an exact scan, and the exact scan's
 * own latency, at each index size.
 *
 * <p>Usage: {@code benchmarks/run RecommendationLatency [sizes...] [--ef=50,100,200] [--m=16] [--beam=100]
 * [--queries=1000] [--warmup=200] [--exact-max=1000] [--model=MINILM|BGE] [--seed=1] [--keep=DIR]}; sizes
 * default to {@code 100000 1000000}. With {@code --keep} the index of each size stays in {@code DIR/<size>}
 * and a later run with the same size, seed, model and graph settings searches it without rebuilding.
 *
 * <p>The vectors are synthetic but shaped like real ones: uniform random vectors have no clusters, on
 * which a graph behaves unlike on text, so each synthetic profile mixes two or three real embeddings
 * (CORDIS topic and project titles, NACE labels) with a little noise. Query embedding is measured on its
 * own, since a recommendation starts from a profile whose vector is already indexed.
 */
public final class RecommendationLatency {

    private static final String[] TYPES = {"BUSINESS_OFFER", "BUSINESS_REQUEST", "TECHNOLOGY_OFFER", "TECHNOLOGY_REQUEST", "RD_REQUEST"};
    private static final String[] COUNTRIES = {"AT", "BA", "BG", "CZ", "DE", "HR", "HU", "MD", "ME", "RO", "RS", "SI", "SK", "UA"};
    private static final int ORGANISATIONS = 5000;
    private static final int K = 10;
    /** Per-dimension noise: about 0.3 in norm against a mix of unit vectors. */
    private static final double NOISE = 0.3 / Math.sqrt(384);

    private RecommendationLatency() {
    }

    public static void main(String[] args) throws IOException {
        List<Integer> sizes = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (String a : args) {
            if (a.startsWith("--")) {
                String[] kv = a.substring(2).split("=", 2);
                options.put(kv[0], kv.length > 1 ? kv[1] : "true");
            } else {
                sizes.add(Integer.parseInt(a.replace("_", "")));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(100_000, 1_000_000);
        }
        int[] efs = Arrays.stream(options.getOrDefault("ef", "100").split(",")).mapToInt(Integer::parseInt).toArray();
        int m = Integer.parseInt(options.getOrDefault("m", "16"));
        int beam = Integer.parseInt(options.getOrDefault("beam", "100"));
        int queries = Integer.parseInt(options.getOrDefault("queries", "1000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "200"));
        int exactMax = Integer.parseInt(options.getOrDefault("exact-max", "1000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        Model model = Model.valueOf(options.getOrDefault("model", "MINILM").toUpperCase(Locale.ROOT));

        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "cores=%d max-heap=%d MB java=%s model=%s M=%d beamWidth=%d exactScanMax=%d%n",
                rt.availableProcessors(), rt.maxMemory() >> 20, System.getProperty("java.version"), model, m, beam, exactMax);
        System.out.println("load average at start: " + Machine.loadAverage() + " (other processes on these cores skew every figure)");

        Path work = Files.createTempDirectory("danubia-bench-");
        Path keep = options.containsKey("keep") ? Path.of(options.get("keep")) : null;
        try {
            OnnxNatives.extract(work.resolve("ort"));
            float[][] base;
            List<String> texts = realTexts();
            try (SentenceEncoder encoder = SentenceEncoder.load(model, 0)) {
                long t0 = System.nanoTime();
                base = new float[texts.size()][];
                for (int i = 0; i < texts.size(); i += 32) {
                    float[][] batch = encoder.embed(texts.subList(i, Math.min(i + 32, texts.size())));
                    System.arraycopy(batch, 0, base, i, batch.length);
                }
                System.out.printf(Locale.ROOT, "real texts embedded: %d in %.1f s (batches of 32)%n", texts.size(), seconds(t0));
                queryEmbedding(encoder, texts);
            }
            for (int size : sizes) {
                Path dir = keep == null ? work.resolve("index-" + size) : keep.resolve(Integer.toString(size));
                run(size, texts, base, efs, m, beam, queries, warmup, exactMax, seed, dir, keep != null, model);
            }
        } finally {
            delete(work);
        }
    }

    /** One query text embedded on its own, as a search box would: what a lexical+vector search adds. */
    private static void queryEmbedding(SentenceEncoder encoder, List<String> texts) {
        Random random = new Random(3);
        for (int i = 0; i < 100; i++) {
            encoder.embedQuery(texts.get(random.nextInt(texts.size())));
        }
        double[] ms = new double[500];
        for (int i = 0; i < ms.length; i++) {
            String text = texts.get(random.nextInt(texts.size()));
            long t0 = System.nanoTime();
            encoder.embedQuery(text);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "query embedding (one text, %s) p50=%.2f ms p95=%.2f ms%n",
                encoder.model(), Machine.percentile(ms, 50), Machine.percentile(ms, 95));
    }

    private record Query(UUID id, UUID organisation, Direction direction, float[] vector) {
    }

    private static void run(int size, List<String> texts, float[][] base, int[] efs, int m, int beam, int queries, int warmup,
            int exactMax, long seed, Path dir, boolean keep, Model model) throws IOException {
        Random random = new Random(seed ^ size);
        UUID[] organisations = new UUID[ORGANISATIONS];
        for (int i = 0; i < organisations.length; i++) {
            organisations[i] = new UUID(random.nextLong(), random.nextLong());
        }
        // which profiles serve as queries is drawn first, so the index is generated in one pass
        int total = Math.min(size, warmup + queries);
        Set<Integer> picked = new LinkedHashSet<>();
        while (picked.size() < total) {
            picked.add(random.nextInt(size));
        }
        Map<Integer, Query> byIndex = new HashMap<>();
        LocalDate today = LocalDate.now();

        // a large buffer gives one segment (one graph) up to a few hundred thousand profiles
        double ramMb = Math.min(1900, Runtime.getRuntime().maxMemory() / 2.0 / (1 << 20));
        ProfileIndex.Tuning tuning = ProfileIndex.Tuning.DEFAULT.withGraph(m, beam).withRamBufferMb(ramMb)
                .withMergeWorkers(Runtime.getRuntime().availableProcessors());
        long t0 = System.nanoTime();
        double indexSeconds;
        double mergeSeconds;
        int segmentsBefore;
        int segments;
        // everything the generated profiles depend on: a kept index built with the same is reused
        Map<String, String> recipe = Map.of("size", Integer.toString(size), "seed", Long.toString(seed), "model",
                model.name(), "m", Integer.toString(m), "beam", Integer.toString(beam), "texts", Integer.toString(texts.size()),
                "generator", "1", "today", today.toString());
        try (ProfileIndex index = ProfileIndex.open(dir, base[0].length, exactMax, tuning)) {
            boolean reuse = keep && index.userData().entrySet().containsAll(recipe.entrySet());
            if (!reuse) {
                index.removeAll();
            }
            for (int i = 0; i < size; i++) {
                int parts = 2 + random.nextInt(2);
                float[] v = new float[base[0].length];
                List<Integer> from = new ArrayList<>(parts);
                for (int p = 0; p < parts; p++) {
                    int b = random.nextInt(base.length);
                    from.add(b);
                    float w = 0.3f + 0.7f * random.nextFloat();
                    for (int d = 0; d < v.length; d++) {
                        v[d] += w * base[b][d];
                    }
                }
                for (int d = 0; d < v.length; d++) {
                    v[d] += (float) (random.nextGaussian() * NOISE);
                }
                normalise(v);
                String type = TYPES[random.nextInt(TYPES.length)];
                Direction direction = type.endsWith("OFFER") ? Direction.OFFER : Direction.REQUEST;
                UUID organisation = organisations[random.nextInt(organisations.length)];
                double e = random.nextDouble();
                LocalDate expires = e < 0.10 ? null : e < 0.25 ? today.minusDays(1 + random.nextInt(365)) : today.plusDays(random.nextInt(365));
                UUID id = new UUID(random.nextLong(), random.nextLong());
                CooperationProfile p = new CooperationProfile(id, "b2b", type, direction, ProfileStatus.PUBLISHED,
                        organisations[0], organisation, texts.get(from.get(0)),
                        String.join(". ", from.stream().map(texts::get).toList()),
                        List.of(firstWord(texts.get(from.get(1)))), List.of(),
                        COUNTRIES[random.nextInt(COUNTRIES.length)], List.of(), expires,
                        Instant.ofEpochSecond(1_700_000_000L + random.nextInt(50_000_000)));
                if (!reuse) {
                    index.upsert(p, v);
                }
                if (picked.contains(i)) {
                    byIndex.put(i, new Query(id, organisation, direction, v));
                }
                if ((i + 1) % 100_000 == 0 && size > 100_000 && !reuse) {
                    System.out.printf(Locale.ROOT, "  indexed %d in %.0f s%n", i + 1, seconds(t0));
                }
            }
            if (reuse) {
                Map<String, String> made = index.userData();
                indexSeconds = Double.parseDouble(made.get("index-seconds"));
                mergeSeconds = Double.parseDouble(made.get("merge-seconds"));
                segmentsBefore = Integer.parseInt(made.get("segments-before-merge"));
                System.out.printf(Locale.ROOT, "size=%d reusing the index kept in %s (build figures of the run that made it)%n", size, dir);
            } else {
                index.commit(recipe);
                indexSeconds = seconds(t0);
                segmentsBefore = index.segments();
                long t1 = System.nanoTime();
                if (segmentsBefore > 1) {
                    index.forceMerge(1);
                }
                mergeSeconds = seconds(t1);
                Map<String, String> made = new HashMap<>(recipe);
                made.put("index-seconds", Double.toString(indexSeconds));
                made.put("merge-seconds", Double.toString(mergeSeconds));
                made.put("segments-before-merge", Integer.toString(segmentsBefore));
                index.commit(made);
            }
            segments = index.segments();
            System.out.printf(Locale.ROOT, "size=%d built in %.1f s (indexing %.1f s, %d segment(s); merge %.1f s), %d segment(s), index %d MB on disk%n",
                    size, indexSeconds + mergeSeconds, indexSeconds, segmentsBefore, mergeSeconds, segments, du(dir) >> 20);

            List<Query> all = picked.stream().map(byIndex::get).toList();
            List<Query> warm = all.subList(0, Math.min(warmup, all.size()));
            List<Query> measured = all.subList(warm.size(), all.size());

            // exact top 10 once per size: the truth for recall, and the latency without a graph
            for (Query q : warm) {
                index.nearestExact(q.vector(), filter(q, today), K);
            }
            double[] exactMs = new double[measured.size()];
            List<Set<UUID>> truth = new ArrayList<>();
            for (int i = 0; i < measured.size(); i++) {
                Query q = measured.get(i);
                long s = System.nanoTime();
                List<Hit> hits = index.nearestExact(q.vector(), filter(q, today), K);
                exactMs[i] = (System.nanoTime() - s) / 1e6;
                truth.add(ids(hits));
            }
            Arrays.sort(exactMs);

            for (int ef : efs) {
                index.efSearch(ef);
                for (Query q : warm) {
                    index.nearest(q.vector(), filter(q, today), K);
                }
                double[] ms = new double[measured.size()];
                long found = 0;
                long expected = 0;
                for (int i = 0; i < measured.size(); i++) {
                    Query q = measured.get(i);
                    long s = System.nanoTime();
                    List<Hit> hits = index.nearest(q.vector(), filter(q, today), K);
                    ms[i] = (System.nanoTime() - s) / 1e6;
                    Set<UUID> want = truth.get(i);
                    expected += want.size();
                    found += hits.stream().filter(h -> want.contains(h.id())).count();
                }
                Arrays.sort(ms);
                System.out.printf(Locale.ROOT,
                        "size=%d hnsw p50=%.2f ms p95=%.2f ms recall@10=%.3f exact p50=%.1f p95=%.1f ms build=%.1f s"
                                + " | exact/hnsw p50=%.1fx p95=%.1fx ef=%d M=%d beamWidth=%d segments=%d queries=%d warmup=%d load=%s%n",
                        size, Machine.percentile(ms, 50), Machine.percentile(ms, 95), expected == 0 ? 1.0 : found / (double) expected,
                        Machine.percentile(exactMs, 50), Machine.percentile(exactMs, 95), indexSeconds + mergeSeconds,
                        Machine.percentile(exactMs, 50) / Machine.percentile(ms, 50), Machine.percentile(exactMs, 95) / Machine.percentile(ms, 95),
                        ef, m, beam, segments, measured.size(), warm.size(), Machine.loadAverage());
            }
        } finally {
            if (!keep) {
                delete(dir);
            }
        }
    }

    /** The recommendation filter of the engine: other direction, still open, another organisation, not itself. */
    private static Filter filter(Query q, LocalDate today) {
        Direction other = q.direction() == Direction.OFFER ? Direction.REQUEST : Direction.OFFER;
        return new Filter(Set.of("b2b"), null, other, today, q.organisation(), q.id());
    }

    private static Set<UUID> ids(List<Hit> hits) {
        Set<UUID> out = new HashSet<>();
        hits.forEach(h -> out.add(h.id()));
        return out;
    }

    // ---------------------------------------------------------------- real texts

    /** CORDIS topic titles, funded project titles and NACE labels shipped in the matching bundle, distinct. */
    static List<String> realTexts() throws IOException {
        Map<String, String> distinct = new java.util.LinkedHashMap<>();
        for (String line : Machine.tsv("/reference/cordis-callmatch/topics.tsv")) {
            String t = line.split("\t")[1].trim();
            distinct.putIfAbsent(t.toLowerCase(Locale.ROOT), t);
        }
        for (String line : Machine.tsv("/reference/cordis-callmatch/dev.tsv")) {
            String t = line.split("\t")[2].trim();
            distinct.putIfAbsent(t.toLowerCase(Locale.ROOT), t);
        }
        try (InputStream in = Machine.resource("/reference/nace/sk-nace-rev2.json")) {
            for (JsonNode n : new ObjectMapper().readTree(in).path("klasifikacie")) {
                String t = n.path("nazov").path("en").asText("").trim();
                if (!t.isEmpty()) {
                    distinct.putIfAbsent(t.toLowerCase(Locale.ROOT), t);
                }
            }
        }
        return List.copyOf(distinct.values());
    }

    private static String firstWord(String text) {
        String[] words = text.split("\\W+");
        for (String w : words) {
            if (w.length() > 3) {
                return w.toLowerCase(Locale.ROOT);
            }
        }
        return text;
    }

    // ---------------------------------------------------------------- helpers

    private static void normalise(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        float inv = (float) (1 / Math.sqrt(s));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long du(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
