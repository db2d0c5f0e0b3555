package eu.danubia.itests;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The built distribution run as its own process, as an operator starts it ({@code bin/karaf server}),
 * for tests that drive it from outside: a browser, an SMTP server in the test JVM.
 */
final class DistributionProcess implements AutoCloseable {

    private final Path home;
    private final Process process;
    private final String baseUrl;

    private DistributionProcess(Path home, Process process, String baseUrl) {
        this.home = home;
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /**
     * Unpacks the distribution into {@code target/<name>}, applies the given {@code etc/} files
     * (file name → content, appended to existing files) and starts it on free ports.
     */
    static DistributionProcess start(String name, String adminPassword, Map<String, String> etc) throws Exception {
        Path run = Path.of("target", name).toAbsolutePath();
        Path home = unpack(Path.of(System.getProperty("danubia.distribution")), run);
        int port = freePort();
        append(home.resolve("etc/system.properties"), "\norg.osgi.service.http.port = " + port
                + "\ndanubia.admin.password = " + adminPassword + "\n");
        Path shell = home.resolve("etc/org.apache.karaf.shell.cfg");
        Files.writeString(shell, Files.readString(shell).replace("sshPort = 8101", "sshPort = " + freePort()));
        // these tests do not need the matching engine's reference embeddings: no background warm-up
        // competing with the browser for the CPU (a test may still set it back through etc)
        append(home.resolve("etc/eu.danubia.matching.cfg"), "\nwarmUp = false\n");
        for (Map.Entry<String, String> e : etc.entrySet()) {
            append(home.resolve("etc").resolve(e.getKey()), e.getValue() + "\n");
        }
        for (File f : home.resolve("bin").toFile().listFiles()) {
            f.setExecutable(true);
        }
        Process process = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(run.resolve("console.log").toFile())
                .start();
        DistributionProcess d = new DistributionProcess(home, process, "http://127.0.0.1:" + port);
        try {
            d.awaitHealthy(Duration.ofSeconds(150));
        } catch (Exception | AssertionError e) {
            d.close();
            throw e;
        }
        return d;
    }

    String baseUrl() {
        return baseUrl;
    }

    Path home() {
        return home;
    }

    int status(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Waits for /api/health and for the demo data (its loader logs when done). */
    private void awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path log = home.resolve("data/log/karaf.log");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Karaf exited; see " + home.getParent().resolve("console.log"));
            }
            try {
                if (status("/api/health") == 200 && Files.exists(log) && Files.readString(log).contains("Demo data loaded in")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new AssertionError("DanubIA did not become healthy within " + timeout);
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> all = process.descendants().toList();
        process.destroy();
        all.forEach(ProcessHandle::destroy);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        all.forEach(ProcessHandle::destroyForcibly);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static Path unpack(Path zip, Path run) throws IOException {
        if (Files.exists(run)) {
            try (var walk = Files.walk(run)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(run);
        Path root = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                Path target = run.resolve(e.getName()).normalize();
                if (!target.startsWith(run)) {
                    throw new IOException("bad zip entry " + e.getName());
                }
                if (root == null) {
                    root = run.resolve(Path.of(e.getName()).getName(0));
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING); // copies this entry only
                }
            }
        }
        return root;
    }
}
