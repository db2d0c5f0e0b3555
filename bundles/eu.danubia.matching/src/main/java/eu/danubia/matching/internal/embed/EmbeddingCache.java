package eu.danubia.matching.internal.embed;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeddings of fixed reference texts (topics, funded projects, NACE labels), computed in batches and
 * kept on disk, so a restart does not spend time embedding them again. A file is named after the model and a
 * hash of the texts, so any change of either computes them anew.
 */
public final class EmbeddingCache {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingCache.class);

    private static final int BATCH = 32;

    private final Path dir;

    /** @param dir where the files go; null keeps nothing (every call embeds) */
    public EmbeddingCache(Path dir) {
        this.dir = dir;
    }

    /** The texts' vectors, one per text, in order. */
    public float[][] vectors(SentenceEncoder encoder, String name, List<String> texts) {
        Path file = dir == null ? null : dir.resolve(name + "-" + encoder.model().name().toLowerCase() + "-" + hash(texts) + ".f32");
        if (file != null && Files.isReadable(file)) {
            try {
                return read(file, texts.size(), encoder.dimensions());
            } catch (IOException e) {
                LOG.warn("Ignoring the unreadable embedding cache {}: {}", file, e.toString());
            }
        }
        float[][] out = batched(encoder, texts);
        if (file != null) {
            try {
                write(file, out);
            } catch (IOException e) {
                LOG.warn("Cannot keep the embeddings in {}: {}", file, e.toString());
            }
        }
        return out;
    }

    /**
     * Embeds in batches of texts of equal or next-to-equal token count: several times faster than one by
     * one, and with (almost) no padding the vectors are those of single runs.
     */
    static float[][] batched(SentenceEncoder e, List<String> texts) {
        int[] length = texts.stream().mapToInt(t -> e.tokenizer().encode(t, e.model().maxTokens()).length).toArray();
        Integer[] order = new Integer[texts.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> length[a] != length[b] ? Integer.compare(length[a], length[b]) : Integer.compare(a, b));
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < order.length; from += BATCH) {
            int to = Math.min(order.length, from + BATCH);
            List<String> batch = new ArrayList<>();
            for (int i = from; i < to; i++) {
                batch.add(texts.get(order[i]));
            }
            float[][] v = e.embed(batch);
            for (int i = from; i < to; i++) {
                out[order[i]] = v[i - from];
            }
        }
        return out;
    }

    private static float[][] read(Path file, int n, int dims) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != n || in.readInt() != dims) {
                throw new IOException("size differs");
            }
            float[][] out = new float[n][dims];
            for (float[] v : out) {
                for (int d = 0; d < dims; d++) {
                    v[d] = in.readFloat();
                }
            }
            return out;
        }
    }

    private static void write(Path file, float[][] vectors) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "embeddings", ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeInt(vectors.length);
            out.writeInt(vectors.length == 0 ? 0 : vectors[0].length);
            for (float[] v : vectors) {
                for (float x : v) {
                    out.writeFloat(x);
                }
            }
        }
        // a crash while writing leaves a .tmp file, never a truncated cache
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static String hash(List<String> texts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String t : texts) {
                md.update(t.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
