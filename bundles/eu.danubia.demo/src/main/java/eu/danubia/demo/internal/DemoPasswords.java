package eu.danubia.demo.internal;

import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The passwords demo users get. There is no default password: either the operator configured one
 * ({@code password} in {@code eu.danubia.demo}) and every demo user gets it, or each gets its own
 * random one, which is shown once, when the user is created.
 */
public final class DemoPasswords {

    /** The platform's minimum password length. */
    public static final int MIN_LENGTH = 12;

    // no 0/O, 1/l/I: the passwords are read off a console and typed in
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String ALPHABET = LOWER + UPPER + DIGITS;
    private static final int GROUPS = 4;
    private static final int GROUP_LENGTH = 5;

    private final String configured;
    private final SecureRandom random;

    /** @param configured the operator's password, or {@code null} / blank for generated ones */
    public DemoPasswords(String configured, SecureRandom random) {
        this.configured = configured == null || configured.isBlank() ? null : configured;
        this.random = random;
    }

    public boolean isConfigured() {
        return configured != null;
    }

    /** A problem with the configured password that makes creating users pointless, or {@code null}. */
    public String configuredProblem() {
        if (configured != null && configured.length() < MIN_LENGTH) {
            return "the configured demo password is shorter than " + MIN_LENGTH + " characters";
        }
        return null;
    }

    /** The password for the next user created. */
    public String next() {
        return configured != null ? configured : generate();
    }

    /**
     * 20 random characters (about 115 bits) in groups of five, e.g. {@code Xk7pq-2mNcv-...}, with
     * at least one lower-case letter, upper-case letter and digit so any character-class rule passes.
     */
    String generate() {
        while (true) {
            StringBuilder b = new StringBuilder();
            for (int g = 0; g < GROUPS; g++) {
                if (g > 0) {
                    b.append('-');
                }
                for (int i = 0; i < GROUP_LENGTH; i++) {
                    b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            String p = b.toString();
            if (p.chars().anyMatch(c -> LOWER.indexOf(c) >= 0) && p.chars().anyMatch(c -> UPPER.indexOf(c) >= 0)
                    && p.chars().anyMatch(c -> DIGITS.indexOf(c) >= 0)) {
                return p;
            }
        }
    }

    /** A user created with a generated password, to be shown once. */
    public record Credential(String email, String password) {
        @Override
        public String toString() {
            return "Credential[" + email + ", ****]";
        }
    }

    /** The console banner that shows generated passwords once. */
    public static String banner(List<Credential> credentials) {
        int width = credentials.stream().mapToInt(c -> c.email().length()).max().orElse(0);
        String rule = "=".repeat(Math.max(72, width + 30));
        StringBuilder b = new StringBuilder();
        b.append('\n').append(rule).append('\n');
        b.append(" DanubIA demo data: administrators created with generated passwords.\n");
        b.append(" They are shown only this once. Change them after the first login, or set\n");
        b.append(" 'password' in the configuration eu.danubia.demo before the first start.\n");
        b.append(rule).append('\n');
        for (Credential c : credentials) {
            b.append("  ").append(String.format("%-" + width + "s", c.email())).append("   ").append(c.password())
                    .append('\n');
        }
        b.append(rule).append('\n');
        return b.toString();
    }

    /** The single log line with the same credentials. */
    public static String logLine(List<Credential> credentials) {
        return "Demo administrators created with generated passwords (shown once): " + credentials.stream()
                .map(c -> c.email() + " " + c.password()).collect(Collectors.joining(", "));
    }
}
