package eu.danubia.itests;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * An operator's console on a running distribution: {@code bin/client} over SSH with commands written to its
 * standard input, as a script pipes them. Its output is a terminal's (prompts, colours, line redraws), so it is
 * handed on line by line with the escape sequences removed; a caller picks the lines it understands.
 * ({@code bin/client <command>} would be simpler, but in this distribution it prints nothing.)
 */
final class KarafConsole implements AutoCloseable {

    private static final Pattern ESCAPES = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]|\u001B[()][A-Z0-9]|\u0007");

    private final Process client;
    private final Writer in;
    private final Thread reader;
    private final List<String> transcript = new ArrayList<>();

    private KarafConsole(Process client, Consumer<String> lines) {
        this.client = client;
        this.in = new java.io.OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
        this.reader = new Thread(() -> read(lines), "karaf-console-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects as {@code user} (a console user of {@code etc/users.properties}) to the SSH port of {@code home}. */
    static KarafConsole open(Path home, int sshPort, String user, String password, Consumer<String> lines) throws IOException {
        Process client = new ProcessBuilder(home.resolve("bin/client").toString(), "-u", user, "-p", password,
                "-a", String.valueOf(sshPort), "-h", "127.0.0.1")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .start();
        return new KarafConsole(client, lines);
    }

    /** Types a command line; its output arrives at the line consumer. */
    synchronized void send(String command) throws IOException {
        in.write(command + "\n");
        in.flush();
    }

    boolean isAlive() {
        return client.isAlive();
    }

    /** The last lines seen, for a failure message. */
    String tail(int n) {
        synchronized (transcript) {
            return String.join("\n", transcript.subList(Math.max(0, transcript.size() - n), transcript.size()));
        }
    }

    private void read(Consumer<String> lines) {
        StringBuilder line = new StringBuilder();
        try (Reader r = new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8)) {
            for (int c; (c = r.read()) >= 0;) {
                if (c == '\n' || c == '\r') {
                    emit(line, lines);
                } else {
                    line.append((char) c);
                }
            }
        } catch (IOException closed) {
            // the client ended (logout, or Karaf went away)
        }
        emit(line, lines);
    }

    private void emit(StringBuilder raw, Consumer<String> lines) {
        String text = ESCAPES.matcher(raw).replaceAll("").strip();
        raw.setLength(0);
        if (text.isEmpty()) {
            return;
        }
        synchronized (transcript) {
            transcript.add(text);
            if (transcript.size() > 200) {
                transcript.subList(0, 100).clear();
            }
        }
        lines.accept(text);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            send("logout");
        } catch (IOException gone) {
            // already disconnected
        }
        if (!client.waitFor(10, TimeUnit.SECONDS)) {
            client.descendants().forEach(ProcessHandle::destroyForcibly);
            client.destroyForcibly();
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
    }
}
