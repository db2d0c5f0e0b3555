package eu.danubia.itests;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Boots the built DanubIA distribution (one container per test class) on free ports, with the
 * operator-supplied admin password and demo password set, and offers HTTP and shell helpers.
 * The tests run inside the container; HTTP goes through the real Jetty on loopback.
 */
public abstract class DanubiaTestSupport {

    protected static final String ADMIN_EMAIL = "admin@danubia.local";
    protected static final String ADMIN_PASSWORD = "It-Admin-Pass-7391!";
    protected static final String DEMO_PASSWORD = "It-Demo-Pass-4826!";
    protected static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    protected SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        String distribution = System.getProperty("danubia.distribution");
        if (distribution == null || !new File(distribution).isFile()) {
            throw new IllegalStateException("Build the distribution first; not found: " + distribution);
        }
        Option[] base = {
            karafDistributionConfiguration()
                    .frameworkUrl("file:" + new File(distribution).getAbsolutePath())
                    .karafVersion("4.4.10")
                    .name("DanubIA")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            keepRuntimeFolder(),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.INFO),
            systemTimeout(180_000),
            editConfigurationFilePut("etc/system.properties", "org.osgi.service.http.port", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
        };
        Option[] passwords = operatorSetsPasswords() ? new Option[] {
            editConfigurationFilePut("etc/system.properties", "danubia.admin.password", ADMIN_PASSWORD),
            editConfigurationFilePut("etc/eu.danubia.demo.cfg", "password", DEMO_PASSWORD),
        } : new Option[0];
        Option[] all = java.util.Arrays.copyOf(base, base.length + passwords.length);
        System.arraycopy(passwords, 0, all, base.length, passwords.length);
        return all;
    }

    /** Whether the operator supplies the admin and demo passwords ({@link #ADMIN_PASSWORD}, {@link #DEMO_PASSWORD}). */
    protected boolean operatorSetsPasswords() {
        return true;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- HTTP

    protected static String baseUrl() {
        return "http://127.0.0.1:" + System.getProperty("org.osgi.service.http.port");
    }

    /** A response with its body parsed as JSON when it is JSON. */
    protected record Reply(int status, String contentType, String body, Map<String, java.util.List<String>> headers) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json")
                    && json().path("status").asInt() == status && json().hasNonNull("title")
                    && !body.contains("Exception") && !body.contains("\tat ");
        }
    }

    /** How a request authenticates: nothing, a bearer token, or a session cookie with its CSRF token. */
    protected record Auth(String bearer, String cookie, String csrf) {

        static final Auth NONE = new Auth(null, null, null);
    }

    protected Reply request(String method, String path, Auth auth, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (auth.bearer() != null) {
            b.header("Authorization", "Bearer " + auth.bearer());
        }
        if (auth.cookie() != null) {
            b.header("Cookie", "DANUBIA_SESSION=" + auth.cookie());
        }
        if (auth.csrf() != null) {
            b.header("X-CSRF-Token", auth.csrf());
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Sends a request over a plain socket, writing the body from another thread while the response
     * is read: a server may answer (e.g. 413) and close before a large body is fully sent, which
     * java.net.http reports as a broken connection instead of the answer.
     */
    protected Reply rawRequest(String method, String path, Auth auth, String contentType, byte[] body, boolean chunked) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", Integer.getInteger("org.osgi.service.http.port"))) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Accept: application/json\r\nConnection: close\r\nContent-Type: " + contentType + "\r\n");
            if (auth.bearer() != null) {
                head.append("Authorization: Bearer ").append(auth.bearer()).append("\r\n");
            }
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n").append("\r\n");
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    if (chunked) {
                        for (int off = 0; off < body.length; off += 8192) {
                            int n = Math.min(8192, body.length - off);
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(body, off, n);
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } else {
                        out.write(body);
                    }
                    out.flush();
                } catch (IOException refusedMidway) {
                    // the server answered and closed first: that is what is being tested
                }
            });
            writer.setDaemon(true);
            writer.start();
            java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            String status = readLine(in);
            Map<String, java.util.List<String>> headers = new java.util.HashMap<>();
            int length = -1;
            for (String line; !(line = readLine(in)).isEmpty();) {
                int colon = line.indexOf(':');
                String name = line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                headers.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
                if (name.equals("content-length")) {
                    length = Integer.parseInt(value);
                }
            }
            byte[] responseBody = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
            String type = headers.containsKey("content-type") ? headers.get("content-type").get(0) : null;
            return new Reply(Integer.parseInt(status.split(" ")[1]), type, new String(responseBody, StandardCharsets.UTF_8), headers);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        }
    }

    private static String readLine(java.io.InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) != -1 && c != '\n';) {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    protected Reply get(String path, Auth auth) {
        return request("GET", path, auth, null, null);
    }

    protected Reply send(String method, String path, Auth auth, Object json) {
        try {
            return request(method, path, auth, "application/json", json == null ? null : JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Logs in through the API; returns bearer, cookie and CSRF token of the new session. */
    protected Auth login(String email, String password) {
        Reply r = send("POST", "/api/auth/login", Auth.NONE, Map.of("email", email, "password", password));
        if (r.status() != 200) {
            fail("login of " + email + " failed: " + r.status() + " " + r.body());
        }
        String cookie = r.headers().getOrDefault("set-cookie", java.util.List.of()).stream()
                .filter(c -> c.startsWith("DANUBIA_SESSION=")).findFirst()
                .map(c -> c.substring("DANUBIA_SESSION=".length(), c.indexOf(';')))
                .orElseThrow(() -> new AssertionError("no session cookie: " + r.headers()));
        return new Auth(r.json().path("token").asText(), cookie, r.json().path("csrfToken").asText());
    }

    protected static Auth bearer(Auth a) {
        return new Auth(a.bearer(), null, null);
    }

    // ---------------------------------------------------------------- waiting

    /** Polls until the condition holds or the deadline passes. */
    protected static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException | AssertionError notYet) {
                // keep polling until the deadline
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        assertTrue("timed out waiting for " + what, condition.getAsBoolean());
    }

    /** Waits for /api/health and for the demo data (loaded in the background at first start). */
    protected void awaitHealthy() {
        await("/api/health to answer 200", Duration.ofSeconds(120), () -> get("/api/health", Auth.NONE).status() == 200);
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        await("the demo data to be loaded", Duration.ofSeconds(120), () -> {
            try {
                return context.getServiceReferences((String) null, "(danubia.demo=loaded)") != null;
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    // ---------------------------------------------------------------- shell

    /** Runs a console command as an admin (command ACLs require the admin role) and returns what it printed. */
    protected String executeCommand(String command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("itest"));
        subject.getPrincipals().add(new RolePrincipal("admin"));
        subject.getPrincipals().add(new RolePrincipal("manager"));
        subject.getPrincipals().add(new RolePrincipal("viewer"));
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> {
                Session session = sessionFactory.create(System.in, out, out);
                try {
                    return session.execute(command);
                } finally {
                    session.close();
                }
            });
        } catch (Exception e) {
            throw new AssertionError("command '" + command + "' failed: " + e + "\n" + bytes.toString(StandardCharsets.UTF_8), e);
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
