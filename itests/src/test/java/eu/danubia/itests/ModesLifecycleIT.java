package eu.danubia.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The four cooperation modes (b2b, c2c, c2b, rdi) as independent plugins of the running distribution: for each one,
 * {@code feature:uninstall} on the operator's SSH console removes its REST paths (404), its menu entry
 * ({@code GET /api/ui/contributions}), its UI script and its entry of the organisation page's cross-mode activity,
 * while the three other modes keep answering with their data; {@code feature:install} brings all of it back, with an
 * item created before the uninstall.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ModesLifecycleIT {

    private static final String DEMO_PASSWORD = "Life-Demo-Pass-3307!";
    private static final String CONSOLE_USER = "modestest";
    private static final String CONSOLE_PASSWORD = "Modes-Console-Pass-9127!";
    private static final String RO = "somes-clusters";
    private static final List<String> MODES = List.of("b2b", "c2c", "c2b", "rdi");
    private static final Duration CHANGE = Duration.ofSeconds(60);

    private static DistributionProcess danubia;
    private static ApiClient api;
    /** mode → the path of an item created before any uninstall. */
    private static final Map<String, String> items = new LinkedHashMap<>();
    /** mode → who reads that item. */
    private static final Map<String, Auth> readers = new LinkedHashMap<>();
    /** An organisation with items in every mode (the university owning the idea, managing nothing else). */
    private static String organisationId;
    private static Auth roAdmin;
    private static final List<String> figures = new ArrayList<>();

    @BeforeClass
    public static void start() throws Exception {
        long t = System.nanoTime();
        danubia = DistributionProcess.start("modes-lifecycle-run", "Life-Admin-Pass-4410!", Map.of(
                "eu.danubia.demo.cfg", "password = " + DEMO_PASSWORD,
                "users.properties", CONSOLE_USER + " = " + CONSOLE_PASSWORD + ",_g_:admingroup\n"
                        + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh"));
        figures.add(String.format(Locale.ROOT, "start: %.1f s", (System.nanoTime() - t) / 1e9));
        api = new ApiClient(danubia.baseUrl());
        roAdmin = ApiClient.bearer(api.login("admin@" + RO + ".demo.danubia.eu", DEMO_PASSWORD));

        String member = api.createMemberOf(RO, DEMO_PASSWORD, "life-uni-", "Institutul de Inginerie");
        Auth uni = ApiClient.bearer(api.login(member, ApiClient.memberPassword(RO)));
        organisationId = api.get("/api/auth/me", uni).json().path("user").path("organisationId").asText();

        Reply b2b = api.send("POST", "/api/b2b/profiles", uni, Map.of("type", "BUSINESS_OFFER", "title", "Profile that survives an uninstall",
                "summary", "Thin-film cells for indoor light.", "description", "A lab offer of the Cluj institute.",
                "contactName", "Ana Pop", "contactEmail", "ana.pop@institute.example.ro"));
        created("b2b", b2b, "/api/b2b/profiles/", uni);

        String somes = cluster("Someș Digital Cluster");
        Reply c2c = api.send("POST", "/api/c2c/proposals", roAdmin, Map.of("fromClusterId", somes, "toClusterId", cluster("Moravian ICT Cluster"),
                "type", "MEMBER_EXCHANGE", "title", "Proposal that survives an uninstall", "message", "Developer exchange."));
        created("c2c", c2c, "/api/c2c/proposals/", roAdmin);

        Reply c2b = api.send("POST", "/api/c2b/services", roAdmin, Map.of("clusterId", somes, "category", "MATCHMAKING",
                "title", "Service that survives an uninstall", "description", "Matchmaking days.", "priceModel", "FREE",
                "eligibility", "ANY", "status", "PUBLISHED"));
        created("c2b", c2b, "/api/c2b/services/", Auth.NONE);

        Reply rdi = api.send("POST", "/api/rdi/ideas", uni, Map.of("title", "Idea that survives an uninstall",
                "summary", "Perovskite cells for sensor nodes.", "callCode", "HORIZON-CL5-2022-D5-01-09", "visibility", "PUBLIC",
                "roles", List.of(Map.of("role", "SME"))));
        created("rdi", rdi, "/api/rdi/ideas/", uni);
        assertEquals(MODES, menuModes());
    }

    @AfterClass
    public static void stop() throws Exception {
        if (danubia != null) {
            danubia.close();
        }
        System.out.println("ModesLifecycleIT figures:\n  " + String.join("\n  ", figures));
    }

    @Test
    public void a_b2b() throws Exception {
        uninstallAndReinstall("b2b");
    }

    @Test
    public void b_c2c() throws Exception {
        uninstallAndReinstall("c2c");
    }

    @Test
    public void c_c2b() throws Exception {
        uninstallAndReinstall("c2b");
    }

    @Test
    public void d_rdi() throws Exception {
        uninstallAndReinstall("rdi");
    }

    private static void uninstallAndReinstall(String mode) throws Exception {
        String item = items.get(mode);
        Auth reader = readers.get(mode);
        assertEquals(item, 200, api.get(item, reader).status());
        List<String> activityBefore = activityModes();
        List<String> activityWithout;
        long t = System.nanoTime();
        try (KarafConsole console = KarafConsole.open(danubia.home(), sshPort(), CONSOLE_USER, CONSOLE_PASSWORD, line -> { })) {
            try {
                console.send("feature:uninstall danubia-" + mode);
                await(mode + " paths to answer 404", CHANGE, () -> api.get(item, reader).status() == 404);
                double gone = (System.nanoTime() - t) / 1e9;
                Reply r = api.get(item, reader);
                assertTrue("404 as problem+json: " + r.contentType() + " " + r.body(), r.isProblem());
                assertEquals("the list path too", 404, api.get(listPath(mode), Auth.NONE).status());
                assertEquals("the UI script", 404, danubia.status("/ui/" + mode + "/" + mode + ".js"));
                await("the menu without " + mode, Duration.ofSeconds(10), () -> !menuModes().contains(mode));
                List<String> others = new ArrayList<>(MODES);
                others.remove(mode);
                assertEquals("the other modes' menu entries stay", others, menuModes());
                for (String other : others) {
                    Reply o = api.get(items.get(other), readers.get(other));
                    assertEquals(other + " keeps working without " + mode + ": " + o.body(), 200, o.status());
                    assertEquals(other, 200, api.get(listPath(other), Auth.NONE).status());
                    assertEquals(other, 200, danubia.status("/ui/" + other + "/" + other + ".js"));
                }
                assertEquals(200, api.get("/api/organisations/" + organisationId, roAdmin).status());
                activityWithout = activityModes();
                figures.add(String.format(Locale.ROOT, "%s uninstalled → 404 after %.1f s", mode, gone));
            } finally {
                long i = System.nanoTime();
                console.send("feature:install danubia-" + mode);
                await(mode + " paths to come back", CHANGE, () -> api.get(item, reader).status() == 200);
                figures.add(String.format(Locale.ROOT, "%s reinstalled → item back after %.1f s", mode, (System.nanoTime() - i) / 1e9));
            }
        }
        assertTrue(api.get(item, reader).json().toString(), api.get(item, reader).body().contains("survives an uninstall"));
        await("the menu with " + mode, Duration.ofSeconds(10), () -> menuModes().equals(MODES));
        assertEquals(200, danubia.status("/ui/" + mode + "/" + mode + ".js"));
        // the cross-mode view last (its endpoint is the newest piece), so that the checks above are made without it
        assertEquals("GET /api/organisations/{id}/activity before the uninstall", MODES, activityBefore);
        List<String> expected = new ArrayList<>(MODES);
        expected.remove(mode);
        assertEquals("GET /api/organisations/{id}/activity without " + mode, expected, activityWithout);
        await("the activity with " + mode + " again", Duration.ofSeconds(10), () -> MODES.equals(activityModes()));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static void created(String mode, Reply r, String prefix, Auth reader) {
        assertEquals(mode + ": " + r.body(), 201, r.status());
        items.put(mode, prefix + r.json().path("id").asText());
        readers.put(mode, reader);
    }

    private static String listPath(String mode) {
        return switch (mode) {
            case "b2b" -> "/api/b2b/profiles";
            case "c2c" -> "/api/c2c/clusters";
            case "c2b" -> "/api/c2b/services";
            default -> "/api/rdi/calls";
        };
    }

    private static List<String> menuModes() {
        List<String> ids = new ArrayList<>();
        api.get("/api/ui/contributions", Auth.NONE).json().forEach(n -> {
            if (MODES.contains(n.path("id").asText())) {
                ids.add(n.path("id").asText());
            }
        });
        ids.sort(java.util.Comparator.comparing(MODES::indexOf));
        return ids;
    }

    /**
     * The modes of the university's activity, sorted as {@link #MODES}; when the endpoint does not answer 200, a
     * one-element list with its status and body, which no expected list equals.
     */
    private static List<String> activityModes() {
        Reply r = api.get("/api/organisations/" + organisationId + "/activity", roAdmin);
        if (r.status() != 200) {
            return List.of("HTTP " + r.status() + " " + r.body());
        }
        List<String> modes = new ArrayList<>();
        for (JsonNode m : r.json()) {
            modes.add(m.path("mode").asText());
        }
        modes.sort(java.util.Comparator.comparing(MODES::indexOf));
        return modes;
    }

    private static String cluster(String name) {
        Reply r = api.get("/api/clusters?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8), Auth.NONE);
        for (JsonNode c : r.json().path("items")) {
            if (c.path("name").asText().equals(name)) {
                return c.path("id").asText();
            }
        }
        throw new AssertionError("no cluster " + name + ": " + r.body());
    }

    private static int sshPort() throws IOException {
        for (String line : Files.readAllLines(danubia.home().resolve("etc/org.apache.karaf.shell.cfg"))) {
            Matcher m = Pattern.compile("^\\s*sshPort\\s*=\\s*(\\d+)").matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IllegalStateException("no sshPort in etc/org.apache.karaf.shell.cfg");
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (AssertionError | RuntimeException notYet) {
                // not there yet
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
    }
}
