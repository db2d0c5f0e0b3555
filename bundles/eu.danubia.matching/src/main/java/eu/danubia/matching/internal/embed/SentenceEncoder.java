package eu.danubia.matching.internal.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * One sentence-embedding model on ONNX Runtime: text in, L2-normalised vector out (so a dot product
 * is the cosine). Thread-safe: ONNX Runtime sessions may be run concurrently.
 */
public final class SentenceEncoder implements AutoCloseable {

    private final Model model;
    private final WordPieceTokenizer tokenizer;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final boolean tokenTypes;
    private final int dimensions;

    private SentenceEncoder(Model model, WordPieceTokenizer tokenizer, OrtEnvironment env, OrtSession session)
            throws OrtException {
        this.model = model;
        this.tokenizer = tokenizer;
        this.env = env;
        this.session = session;
        this.tokenTypes = session.getInputNames().contains("token_type_ids");
        this.dimensions = embedRaw(List.of("dimensions"))[0].length;
    }

    /**
     * Loads a model from this bundle. Call {@link OnnxNatives#extract} first where the natives must not
     * go to {@code java.io.tmpdir}.
     *
     * @param threads ONNX Runtime's intra-op threads (0 = its default, all cores)
     */
    public static SentenceEncoder load(Model model, int threads) {
        try (InputStream tok = resource(model.tokenizerResource()); InputStream onnx = resource(model.onnxResource())) {
            WordPieceTokenizer tokenizer = WordPieceTokenizer.read(tok);
            byte[] bytes = onnx.readAllBytes();
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            env.setTelemetry(false);
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                if (threads > 0) {
                    options.setIntraOpNumThreads(threads);
                }
                options.setInterOpNumThreads(1);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                return new SentenceEncoder(model, tokenizer, env, env.createSession(bytes, options));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model " + model, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the model " + model + ": " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SentenceEncoder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource " + name);
        }
        return in;
    }

    public Model model() {
        return model;
    }

    public int dimensions() {
        return dimensions;
    }

    public WordPieceTokenizer tokenizer() {
        return tokenizer;
    }

    /** A document, a profile or a label: embedded as it is. */
    public float[] embed(String text) {
        return embed(List.of(text))[0];
    }

    /** A short search query: with the model's query instruction, if it has one. */
    public float[] embedQuery(String text) {
        return embed(model.queryInstruction() + text);
    }

    /** Several texts in one run (padded to the longest; vectors shift very slightly with padding). */
    public float[][] embed(List<String> texts) {
        try {
            return embedRaw(texts);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    private float[][] embedRaw(List<String> texts) throws OrtException {
        int n = texts.size();
        long[][] ids = new long[n][];
        int width = 0;
        for (int i = 0; i < n; i++) {
            ids[i] = tokenizer.encode(texts.get(i) == null ? "" : texts.get(i), model.maxTokens());
            width = Math.max(width, ids[i].length);
        }
        long[] input = new long[n * width];
        long[] mask = new long[n * width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(ids[i], 0, input, i * width, ids[i].length);
            for (int j = 0; j < ids[i].length; j++) {
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
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                float[][] out = new float[n][];
                for (int i = 0; i < n; i++) {
                    out[i] = normalise(pool(hidden[i], ids[i].length));
                }
                return out;
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private float[] pool(float[][] tokens, int length) {
        if (model.pooling() == Model.Pooling.CLS) {
            return tokens[0].clone();
        }
        float[] sum = new float[tokens[0].length];
        for (int t = 0; t < length; t++) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += tokens[t][d];
            }
        }
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= length;
        }
        return sum;
    }

    /** The cosine of two vectors of this class (unit length, so the dot product). */
    public static float cosine(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static float[] normalise(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        float inv = s == 0 ? 0 : (float) (1 / Math.sqrt(s));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing only frees native memory; nothing to do if it fails
        }
    }
}
