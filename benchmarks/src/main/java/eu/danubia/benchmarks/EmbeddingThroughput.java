package eu.danubia.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import eu.danubia.matching.internal.embed.Model;
import eu.danubia.matching.internal.embed.OnnxNatives;
import eu.danubia.matching.internal.embed.SentenceEncoder;
import eu.danubia.matching.internal.embed.WordPieceTokenizer;

/**
 * Embedding throughput of the engine against ONNX Runtime alone, on the same 1000 real titles (CORDIS
 * funded projects and topics): (a) the raw session on input tokenized beforehand, one text per run and
 * in batches of 32, (b) {@link SentenceEncoder#embed(String)} one text at a time, (c)
 * {@link SentenceEncoder#embed(List)} in batches of 32. The difference between (a) and (b)/(c) is what
 * the engine adds: tokenizing, building the tensors, pooling and normalising.
 *
 * <p>Usage: {@code benchmarks/run EmbeddingThroughput [MINILM|BGE ...] [--threads=0] [--texts=1000]};
 * threads are ONNX Runtime's intra-op threads, 0 = all cores.
 */
public final class EmbeddingThroughput {

    private static final int BATCH = 32;

    private EmbeddingThroughput() {
    }

    public static void main(String[] args) throws Exception {
        List<Model> models = new ArrayList<>();
        int threads = 0;
        int count = 1000;
        for (String a : args) {
            if (a.startsWith("--threads=")) {
                threads = Integer.parseInt(a.substring("--threads=".length()));
            } else if (a.startsWith("--texts=")) {
                count = Integer.parseInt(a.substring("--texts=".length()));
            } else {
                models.add(Model.valueOf(a.toUpperCase(Locale.ROOT)));
            }
        }
        if (models.isEmpty()) {
            models = List.of(Model.MINILM, Model.BGE);
        }
        List<String> texts = titles(count);
        double words = texts.stream().mapToInt(t -> t.split("\\s+").length).average().orElse(0);
        System.out.printf(Locale.ROOT, "cores=%d java=%s texts=%d (%.1f words on average) onnx-threads=%s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), texts.size(), words,
                threads == 0 ? "all" : Integer.toString(threads));
        System.out.println("load average at start: " + Machine.loadAverage() + " (other processes on these cores skew every figure)");

        Path natives = Files.createTempDirectory("danubia-bench-ort-");
        try {
            OnnxNatives.extract(natives);
            for (Model model : models) {
                measure(model, texts, threads);
            }
        } finally {
            try (Stream<Path> files = Files.walk(natives)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static void measure(Model model, List<String> texts, int threads) throws IOException, OrtException {
        double rawSingle;
        double rawBatched;
        try (InputStream tok = Machine.resource(model.tokenizerResource()); InputStream onnx = Machine.resource(model.onnxResource());
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            WordPieceTokenizer tokenizer = WordPieceTokenizer.read(tok);
            byte[] bytes = onnx.readAllBytes();
            // the same session options as the engine's, so only the work around the session differs
            if (threads > 0) {
                options.setIntraOpNumThreads(threads);
            }
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession session = env.createSession(bytes, options)) {
                boolean tokenTypes = session.getInputNames().contains("token_type_ids");
                List<long[]> ids = new ArrayList<>();
                for (String t : texts) {
                    ids.add(tokenizer.encode(t, model.maxTokens()));
                }
                List<List<long[]>> batches = new ArrayList<>();
                for (int i = 0; i < ids.size(); i += BATCH) {
                    batches.add(ids.subList(i, Math.min(i + BATCH, ids.size())));
                }
                double tokens = ids.stream().mapToInt(a -> a.length).average().orElse(0);
                System.out.printf(Locale.ROOT, "%s: %.1f tokens per text on average%n", model, tokens);

                for (long[] one : ids.subList(0, Math.min(200, ids.size()))) {
                    runRaw(env, session, List.of(one), tokenTypes);
                }
                long t0 = System.nanoTime();
                for (long[] one : ids) {
                    runRaw(env, session, List.of(one), tokenTypes);
                }
                rawSingle = ids.size() / seconds(t0);

                for (List<long[]> b : batches.subList(0, Math.min(7, batches.size()))) {
                    runRaw(env, session, b, tokenTypes);
                }
                t0 = System.nanoTime();
                for (List<long[]> b : batches) {
                    runRaw(env, session, b, tokenTypes);
                }
                rawBatched = ids.size() / seconds(t0);
            }
        }

        double single;
        double batched;
        try (SentenceEncoder encoder = SentenceEncoder.load(model, threads)) {
            for (String t : texts.subList(0, Math.min(200, texts.size()))) {
                encoder.embed(t);
            }
            long t0 = System.nanoTime();
            for (String t : texts) {
                encoder.embed(t);
            }
            single = texts.size() / seconds(t0);

            for (int i = 0; i < Math.min(200, texts.size()); i += BATCH) {
                encoder.embed(texts.subList(i, Math.min(i + BATCH, texts.size())));
            }
            t0 = System.nanoTime();
            for (int i = 0; i < texts.size(); i += BATCH) {
                encoder.embed(texts.subList(i, Math.min(i + BATCH, texts.size())));
            }
            batched = texts.size() / seconds(t0);
        }

        String row = "%-6s %-36s %7.1f texts/s%s%n";
        System.out.printf(Locale.ROOT, row, model, "(a) raw session, one text per run", rawSingle, "");
        System.out.printf(Locale.ROOT, row, model, "(a) raw session, batches of " + BATCH, rawBatched, "");
        System.out.printf(Locale.ROOT, row, model, "(b) engine embed(String)", single,
                String.format(Locale.ROOT, "  engine/raw=%.2f", single / rawSingle));
        System.out.printf(Locale.ROOT, row, model, "(c) engine embed(List), batches of " + BATCH, batched,
                String.format(Locale.ROOT, "  engine/raw=%.2f (against raw batches)", batched / rawBatched));
    }

    /** One run of the session on token ids, padded to the longest; the output is read but not pooled. */
    private static void runRaw(OrtEnvironment env, OrtSession session, List<long[]> ids, boolean tokenTypes) throws OrtException {
        int n = ids.size();
        int width = 0;
        for (long[] a : ids) {
            width = Math.max(width, a.length);
        }
        long[] input = new long[n * width];
        long[] mask = new long[n * width];
        for (int i = 0; i < n; i++) {
            long[] a = ids.get(i);
            System.arraycopy(a, 0, input, i * width, a.length);
            for (int j = 0; j < a.length; j++) {
                mask[i * width + j] = 1;
            }
        }
        long[] shape = {n, width};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(input), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (tokenTypes) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n * width]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                ((OnnxTensor) result.get(0)).getFloatBuffer();
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** Distinct titles of funded projects and call topics, shuffled with a fixed seed so each run sees the same. */
    static List<String> titles(int count) throws IOException {
        Map<String, String> distinct = new LinkedHashMap<>();
        for (String line : Machine.tsv("/reference/cordis-callmatch/dev.tsv")) {
            String t = line.split("\t")[2].trim();
            distinct.putIfAbsent(t.toLowerCase(Locale.ROOT), t);
        }
        for (String line : Machine.tsv("/reference/cordis-callmatch/topics.tsv")) {
            String t = line.split("\t")[1].trim();
            distinct.putIfAbsent(t.toLowerCase(Locale.ROOT), t);
        }
        List<String> all = new ArrayList<>(distinct.values());
        Collections.shuffle(all, new Random(1));
        return List.copyOf(all.subList(0, Math.min(count, all.size())));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
