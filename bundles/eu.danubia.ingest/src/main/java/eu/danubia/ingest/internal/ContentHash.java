package eu.danubia.ingest.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 of a record's values, hex encoded. Equal hashes mean an unchanged record. Null and the
 * empty string hash differently, and {@code 1.50} hashes like {@code 1.5}: the same amount from a
 * source that formats it differently is not a change.
 */
final class ContentHash {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char NULL = '\u0001';
    private static final char SEPARATOR = '\u0000';

    // MessageDigest is not thread safe, and looking one up per record costs more than the digest
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    private ContentHash() {
    }

    private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder(512));

    static String of(Object[] values) {
        StringBuilder b = BUFFER.get();
        b.setLength(0);
        for (Object v : values) {
            if (v == null) {
                b.append(NULL);
            } else if (v instanceof String t) {
                b.append(t);
            } else if (v instanceof BigDecimal d) {
                b.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
            } else {
                b.append(v);
            }
            b.append(SEPARATOR);
        }
        byte[] digest = SHA256.get().digest(b.toString().getBytes(StandardCharsets.UTF_8));
        char[] hex = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(hex);
    }
}
