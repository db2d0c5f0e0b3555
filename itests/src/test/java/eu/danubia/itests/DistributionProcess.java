package eu.danubia.itests;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
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
import java.util.concurrent.ThreadLocalRandom;
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
    /** Where this start's part of data/log/karaf.log begins: an earlier start's lines do not count. */
    private final long logOffset;
    /** What {@link #kill} signalled. */
    private volatile List<ProcessHandle> killed = List.of();

    private DistributionProcess(Path home, Process process, String baseUrl, long logOffset) {
        this.home = home;
        this.process = process;
        this.baseUrl = baseUrl;
        this.logOffset = logOffset;
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
        Path management = home.resolve("etc/org.apache.karaf.management.cfg");
        Files.writeString(management, Files.readString(management).replace("rmiRegistryPort = 1099", "rmiRegistryPort = "
                + freePort()).replace("rmiServerPort = 44444", "rmiServerPort = " + freePort()));
        // these tests do not need the matching engine's reference embeddings: no background warm-up
        // competing with the browser for the CPU (a test may still set it back through etc)
        append(home.resolve("etc/eu.danubia.matching.cfg"), "\nwarmUp = false\n");
        for (Map.Entry<String, String> e : etc.entrySet()) {
            append(home.resolve("etc").resolve(e.getKey()), e.getValue() + "\n");
        }
        for (File f : home.resolve("bin").toFile().listFiles()) {
            f.setExecutable(true);
        }
        return launch(home, port, Duration.ofSeconds(150));
    }

    /**
     * Starts the distribution again on what an earlier {@link #start} unpacked, with its data, configuration and
     * ports, as an operator restarts it after a stop or a crash; waits until it is healthy again.
     */
    DistributionProcess restart(Duration timeout) throws Exception {
        if (process.isAlive()) {
            throw new IllegalStateException("still running: stop or kill it first");
        }
        return launch(home, URI.create(baseUrl).getPort(), timeout);
    }

    private static DistributionProcess launch(Path home, int port, Duration timeout) throws Exception {
        Path log = home.resolve("data/log/karaf.log");
        long offset = Files.exists(log) ? Files.size(log) : 0;
        Process process = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.getParent().resolve("console.log").toFile()))
                .start();
        DistributionProcess d = new DistributionProcess(home, process, "http://127.0.0.1:" + port, offset);
        try {
            d.awaitHealthy(timeout);
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
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).build(),
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
                if (status("/api/health") == 200 && logSinceStart(log).contains("Demo data loaded in")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new AssertionError("DanubIA did not become healthy within " + timeout + ": " + diagnosis(log));
    }

    /**
     * What an operator looks at when a start hangs, its gist on the first line (a test report often shows only that):
     * the health answer, whether the demo data loaded, the log's last error; then the log's last problems, a thread dump
     * of Karaf's JVM (jcmd) and the end of the console.
     */
    private String diagnosis(Path log) {
        String health;
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            health = r.statusCode() + " " + r.body();
        } catch (IOException | InterruptedException e) {
            health = e.toString();
        }
        StringBuilder details = new StringBuilder();
        String since = "";
        try {
            since = logSinceStart(log);
        } catch (IOException e) {
            details.append("\nkaraf.log: ").append(e);
        }
        List<String> problems = since.lines().filter(l -> l.contains("| WARN ") || l.contains("| ERROR")
                || l.startsWith("\t") || l.startsWith("Caused by")).filter(l -> !l.contains("jersey")
                && !l.contains("osgitech") && !l.contains("Flyway upgrade recommended")).toList();
        String lastError = since.lines().filter(l -> l.contains("| ERROR")).reduce((a, b) -> b).orElse("none");
        details.append("\nkaraf.log warnings and errors since this start (last 60 of ").append(problems.size()).append("):\n")
                .append(String.join("\n", problems.subList(Math.max(0, problems.size() - 60), problems.size())));
        details.append("\nthreads:\n").append(threadDump());
        try {
            List<String> console = Files.readAllLines(home.getParent().resolve("console.log"));
            details.append("\nconsole.log (last 20 lines):\n")
                    .append(String.join("\n", console.subList(Math.max(0, console.size() - 20), console.size())));
        } catch (IOException e) {
            details.append("\nconsole.log: ").append(e);
        }
        return "GET /api/health = " + health + "; demo data loaded since this start: " + since.contains("Demo data loaded in")
                + "; last error: " + (lastError.length() > 400 ? lastError.substring(0, 400) : lastError) + details;
    }

    /** The thread dump of Karaf's JVM (the start script's java child), also kept as threads-*.txt beside console.log. */
    private String threadDump() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        StringBuilder out = new StringBuilder();
        for (ProcessHandle p : process.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).toList()) {
            try {
                Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(p.pid()), "Thread.print")
                        .redirectErrorStream(true).start();
                String text = new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                dump.waitFor(30, TimeUnit.SECONDS);
                Files.writeString(home.getParent().resolve("threads-" + p.pid() + "-" + System.currentTimeMillis() + ".txt"), text);
                out.append(text);
            } catch (IOException | InterruptedException e) {
                out.append("jcmd ").append(p.pid()).append(": ").append(e).append('\n');
            }
        }
        return out.length() == 0 ? "(no java process found)" : out.toString();
    }

    private String logSinceStart(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        try (var in = Files.newInputStream(log)) {
            // a smaller file than at the start was rolled over: all of it is new
            in.skip(Files.size(log) < logOffset ? 0 : logOffset);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * Kills Karaf's JVM and its start script with SIGKILL ({@code kill -9}: no shutdown hook, no closing of the
     * database), without waiting: {@link #awaitKilled} waits until they are gone.
     */
    void kill() {
        killed = process.descendants().toList();
        killed.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    void awaitKilled() throws InterruptedException {
        for (ProcessHandle p : killed) {
            p.onExit().join();
        }
        process.waitFor();
    }

    /**
     * Stops Karaf as an operator's SIGTERM does (its shutdown stops the bundles and closes the database), and kills
     * it when it has not ended within {@code timeout}.
     *
     * @return whether it stopped by itself within the timeout
     */
    boolean stop(Duration timeout) throws InterruptedException {
        List<ProcessHandle> all = process.descendants().toList();
        process.destroy();
        all.forEach(ProcessHandle::destroy);
        boolean clean = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle p : all) {
            while (clean && p.isAlive() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            clean &= !p.isAlive();
        }
        if (!clean) {
            process.destroyForcibly();
            all.forEach(ProcessHandle::destroyForcibly);
        }
        return clean;
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }

    /**
     * A port free now, below the kernel's ephemeral range (32768–60999 on Linux): a port from that range can be
     * taken as the local port of any outgoing connection while the distribution is down between a kill and its
     * restart, and the restarted Jetty could then not listen on it.
     */
    static int freePort() throws IOException {
        for (int i = 0; i < 200; i++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IOException("no free port between 20000 and 32000");
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
