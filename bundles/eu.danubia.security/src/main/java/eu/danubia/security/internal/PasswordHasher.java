package eu.danubia.security.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (base64 without padding), with the OWASP
 * parameters. The parameters live in the string, so hashes made with other parameters still verify
 * and {@link #needsRehash} tells when to upgrade one.
 */
public final class PasswordHasher {

    /** OWASP Password Storage Cheat Sheet, Argon2id minimum: 19 MiB, 2 iterations, 1 lane. */
    public static final int MEMORY_KIB = 19456;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    public static final int SALT_BYTES = 16;
    public static final int HASH_BYTES = 32;

    // Bounds for parameters read from stored strings: a corrupted or hostile row must not make a
    // login allocate gigabytes or loop for minutes.
    private static final int MAX_MEMORY_KIB = 262_144;
    private static final int MAX_ITERATIONS = 16;
    private static final int MAX_PARALLELISM = 16;

    private static final String PREFIX = "$argon2id$v=19$";
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final int memoryKib;
    private final int iterations;
    private final int parallelism;

    public PasswordHasher() {
        this(MEMORY_KIB, ITERATIONS, PARALLELISM);
    }

    PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** A new salted hash of the password; the caller still owns (and wipes) the array. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        String encoded = PREFIX + "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
        Arrays.fill(hash, (byte) 0);
        return encoded;
    }

    /** True when the password matches; false for a wrong password and for a malformed hash. */
    public boolean verify(char[] password, String encoded) {
        Phc phc = Phc.parse(encoded);
        if (phc == null || password == null) {
            return false;
        }
        byte[] actual = derive(password, phc.salt, phc.memoryKib, phc.iterations, phc.parallelism, phc.hash.length);
        try {
            return MessageDigest.isEqual(actual, phc.hash);
        } finally {
            Arrays.fill(actual, (byte) 0);
        }
    }

    /** True when the stored hash was made with other parameters than the current ones. */
    public boolean needsRehash(String encoded) {
        Phc phc = Phc.parse(encoded);
        return phc == null || phc.memoryKib != memoryKib || phc.iterations != iterations
                || phc.parallelism != parallelism || phc.salt.length != SALT_BYTES || phc.hash.length != HASH_BYTES;
    }

    private static byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        byte[] secret = utf8(password);
        try {
            Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withSalt(salt)
                    .withMemoryAsKB(memoryKib)
                    .withIterations(iterations)
                    .withParallelism(parallelism)
                    .build();
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(params);
            byte[] out = new byte[length];
            generator.generateBytes(secret, out);
            return out;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** UTF-8 bytes of the password without an intermediate String, which could not be wiped. */
    private static byte[] utf8(char[] password) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }

    /** A parsed {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}; only what this class writes (and the reference tools write). */
    private record Phc(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

        static Phc parse(String encoded) {
            if (encoded == null || !encoded.startsWith(PREFIX)) {
                return null;
            }
            String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
            if (parts.length != 3) {
                return null;
            }
            String[] params = parts[0].split(",", -1);
            if (params.length != 3) {
                return null;
            }
            try {
                int m = param(params[0], "m=");
                int t = param(params[1], "t=");
                int p = param(params[2], "p=");
                byte[] salt = B64_DECODE.decode(parts[1]);
                byte[] hash = B64_DECODE.decode(parts[2]);
                boolean sane = p >= 1 && p <= MAX_PARALLELISM && t >= 1 && t <= MAX_ITERATIONS
                        && m >= 8 * p && m <= MAX_MEMORY_KIB
                        && salt.length >= 8 && salt.length <= 64 && hash.length >= 16 && hash.length <= 64;
                return sane ? new Phc(m, t, p, salt, hash) : null;
            } catch (IllegalArgumentException e) { // NumberFormatException and bad base64 alike
                return null;
            }
        }

        private static int param(String text, String name) {
            if (!text.startsWith(name)) {
                throw new IllegalArgumentException("expected " + name);
            }
            return Integer.parseInt(text.substring(name.length()));
        }
    }
}
