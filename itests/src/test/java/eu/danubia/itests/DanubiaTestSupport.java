package eu.danubia.itests;

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
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

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
            // the real public data of ../shared/data, for tests that import it
            org.ops4j.pax.exam.CoreOptions.systemProperty("danubia.shared.data")
                    .value(new File(System.getProperty("danubia.shared.data", "../../shared/data")).getAbsolutePath()),
            editConfigurationFilePut("etc/system.properties", "org.osgi.service.http.port", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
            // the matching engine embeds its reference texts on first use instead of at start, so a
            // test class that does not use it does not pay for that (about a minute of both cores)
            editConfigurationFilePut("etc/eu.danubia.matching.cfg", "warmUp", "false"),
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
        try {
            return DistributionProcess.freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- HTTP

    protected static String baseUrl() {
        return "http://127.0.0.1:" + System.getProperty("org.osgi.service.http.port");
    }

    protected ApiClient api() {
        return new ApiClient(baseUrl());
    }

    protected Reply request(String method, String path, Auth auth, String contentType, byte[] body) {
        return api().request(method, path, auth, contentType, body);
    }

    protected Reply rawRequest(String method, String path, Auth auth, String contentType, byte[] body, boolean chunked) {
        return api().rawRequest(method, path, auth, contentType, body, chunked);
    }

    protected Reply get(String path, Auth auth) {
        return api().get(path, auth);
    }

    protected Reply send(String method, String path, Auth auth, Object json) {
        return api().send(method, path, auth, json);
    }

    protected Auth login(String email, String password) {
        return api().login(email, password);
    }

    protected static Auth bearer(Auth a) {
        return ApiClient.bearer(a);
    }

    // ---------------------------------------------------------------- waiting

    /** Something to wait for; it may throw while the system is not there yet. */
    @FunctionalInterface
    protected interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls until the condition holds or the deadline passes. */
    protected static void await(String what, Duration timeout, Condition condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception | AssertionError notYet) {
                last = notYet; // keep polling until the deadline
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        throw new AssertionError("timed out waiting for " + what + (last == null ? "" : " (last error: " + last + ")"));
    }

    /** Waits for /api/health and for the demo data (loaded in the background at first start). */
    protected void awaitHealthy() {
        await("/api/health to answer 200", Duration.ofSeconds(120), () -> {
            Reply health = get("/api/health", Auth.NONE);
            if (health.status() != 200) {
                throw new AssertionError("GET /api/health = " + health.status() + " " + health.body());
            }
            return true;
        });
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        await("the demo data to be loaded", Duration.ofSeconds(120),
                () -> context.getServiceReferences((String) null, "(danubia.demo=loaded)") != null);
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
