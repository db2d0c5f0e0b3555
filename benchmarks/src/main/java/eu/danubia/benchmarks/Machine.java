package eu.danubia.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import eu.danubia.matching.internal.embed.SentenceEncoder;

/** What the benchmark programs share: the machine's load, and the matching bundle's reference files. */
final class Machine {

    private Machine() {
    }

    /** The 1/5/15-minute load of the machine, where the system tells it. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The p-th percentile (nearest rank) of ascending values. */
    static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** A resource of the matching bundle (models, reference files). */
    static InputStream resource(String name) throws IOException {
        InputStream in = SentenceEncoder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource " + name + " (is eu.danubia.matching built?)");
        }
        return in;
    }

    /** The lines of a tab-separated reference file after its header. */
    static List<String> tsv(String name) throws IOException {
        try (InputStream in = resource(name)) {
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            return lines.subList(1, lines.size());
        }
    }
}
