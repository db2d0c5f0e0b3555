package eu.danubia.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/** The platform as a newcomer meets it: boot, health, web shell, demo login, a module coming and going. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT extends DanubiaTestSupport {

    @Inject
    protected FeaturesService features;

    @Before
    public void healthy() {
        awaitHealthy();
    }

    @Test
    public void servesHealthWebShellAndOpenApi() {
        Reply health = get("/api/health", Auth.NONE);
        assertEquals(200, health.status());
        assertEquals("UP", health.json().path("status").asText());
        assertEquals("UP", health.json().path("database").asText());

        Reply shell = get("/", Auth.NONE);
        assertEquals(200, shell.status());
        assertTrue(shell.contentType(), shell.contentType().startsWith("text/html"));
        assertTrue(shell.body().contains("shell.js"));
        assertEquals(200, get("/shell.js", Auth.NONE).status());

        Reply openapi = get("/api/openapi.json", Auth.NONE);
        assertEquals(200, openapi.status());
        JsonNode paths = openapi.json().path("paths");
        assertTrue(paths.toString(), paths.has("/api/organisations"));
        assertTrue(paths.has("/api/auth/login"));
        assertTrue(paths.has("/api/health"));
    }

    @Test
    public void demoAdminLogsInAndUsesTheDirectory() {
        String slug = anyAssociationSlug();
        Auth admin = login("admin@" + slug + ".demo.danubia.eu", DEMO_PASSWORD);

        Reply me = get("/api/auth/me", bearer(admin));
        assertEquals(200, me.status());
        assertTrue(me.json().path("user").path("roles").toString().contains("association-admin"));

        Reply orgs = get("/api/organisations?size=50", bearer(admin));
        assertEquals(orgs.body(), 200, orgs.status());
        assertTrue("demo organisations are loaded", orgs.json().path("total").asInt() > 0);

        Reply clusters = get("/api/clusters", bearer(admin));
        assertEquals(200, clusters.status());
        assertTrue(clusters.json().path("total").asInt() > 0);

        Reply created = send("POST", "/api/organisations", bearer(admin), Map.of(
                "name", "Itest Robotics SRL", "type", "BUSINESS", "country", countryOf(slug),
                "naceCodes", List.of("28.99"), "visibility", "PUBLIC"));
        assertEquals(created.body(), 201, created.status());
        String id = created.json().path("id").asText();
        Reply read = get("/api/organisations/" + id, Auth.NONE);
        assertEquals("public organisations are readable anonymously", 200, read.status());
        assertEquals("Itest Robotics SRL", read.json().path("name").asText());
    }

    /** The booted features that need danubia-directory, the ones needing others first. */
    private static final List<String> DEPEND_ON_DIRECTORY = List.of("danubia-demo", "danubia-dashboard", "danubia-indicators",
            "danubia-rdi", "danubia-c2b", "danubia-c2c", "danubia-b2b");

    @Test
    public void uninstallingTheDirectoryRemovesItsPathsAndMenuEntryUntilReinstalled() throws Exception {
        String slug = anyAssociationSlug();
        Auth admin = login("admin@" + slug + ".demo.danubia.eu", DEMO_PASSWORD);
        long before = get("/api/organisations", bearer(admin)).json().path("total").asLong();
        assertTrue(menu().contains("directory"));

        try {
            // the modules that need the directory go first; Karaf keeps a feature others depend on
            for (String feature : DEPEND_ON_DIRECTORY) {
                executeCommand("feature:uninstall " + feature);
            }
            executeCommand("feature:uninstall danubia-directory");
            await("directory paths to answer 404", Duration.ofSeconds(60),
                    () -> get("/api/organisations", bearer(admin)).status() == 404);
            Reply gone = get("/api/clusters", bearer(admin));
            assertEquals(404, gone.status());
            assertTrue(gone.isProblem());
            assertEquals(404, get("/ui/directory/directory.js", Auth.NONE).status());
            assertFalse("menu entry disappears", menu().contains("directory"));
            assertEquals("the platform stays healthy", 200, get("/api/health", Auth.NONE).status());
            assertEquals("login still works", 200, get("/api/auth/me", bearer(admin)).status());
        } finally {
            executeCommand("feature:install danubia-directory");
            for (int i = DEPEND_ON_DIRECTORY.size() - 1; i >= 0; i--) {
                executeCommand("feature:install " + DEPEND_ON_DIRECTORY.get(i));
            }
        }
        await("directory paths to come back", Duration.ofSeconds(60),
                () -> get("/api/organisations", bearer(admin)).status() == 200);
        assertEquals("the data is still there", before, get("/api/organisations", bearer(admin)).json().path("total").asLong());
        assertTrue(menu().contains("directory"));
        assertEquals(200, get("/ui/directory/directory.js", Auth.NONE).status());
    }

    @Test
    public void camelFeatureInstallsAtRuntimeAndItsSmokeRouteParsesCsvAndJson() throws Exception {
        // Camel's types must not be loaded by this test: a wire to the Camel bundle would make uninstalling it
        // refresh the test bundle. getAllServiceReferences does not check class spaces, so nothing gets wired.
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        String camelContext = "org.apache.camel.CamelContext";
        executeCommand("feature:install danubia-camel");
        try {
            await("the CamelContext service", Duration.ofSeconds(60),
                    () -> context.getAllServiceReferences(camelContext, null) != null);
            ServiceReference<?> ref = context.getAllServiceReferences(camelContext, null)[0];
            Object camel = context.getService(ref);
            try {
                java.lang.reflect.Method globalOptions = camel.getClass().getMethod("getGlobalOptions");
                await("the smoke route to run", Duration.ofSeconds(30),
                        () -> ((Map<?, ?>) globalOptions.invoke(camel)).containsKey("danubia.smoke.result"));
                String result = String.valueOf(((Map<?, ?>) globalOptions.invoke(camel)).get("danubia.smoke.result"));
                assertTrue(result, result.contains("3 CSV rows") && result.contains("JSON ok"));
                assertTrue(executeCommand("danubia:status").contains("danubia-camel"));
            } finally {
                context.ungetService(ref);
            }
        } finally {
            executeCommand("feature:uninstall danubia-camel");
        }
        await("the CamelContext to go with its feature", Duration.ofSeconds(60),
                () -> context.getAllServiceReferences(camelContext, null) == null);
        assertEquals(200, get("/api/health", Auth.NONE).status());
    }

    @Test
    public void statusCommandPrintsTheInstalledModules() {
        String status = executeCommand("danubia:status");
        assertTrue(status, status.contains("danubia-core"));
        assertTrue(status, status.contains("danubia-web"));
        assertTrue(status, status.contains("danubia-directory"));
        assertTrue(status, status.contains("Database:"));
        assertTrue(status, status.contains("H2"));
    }

    private List<String> menu() {
        List<String> ids = new ArrayList<>();
        get("/api/ui/contributions", Auth.NONE).json().forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    private String anyAssociationSlug() {
        Reply r = get("/api/associations", Auth.NONE);
        assertEquals(r.body(), 200, r.status());
        assertTrue("demo associations are loaded", r.json().size() > 0);
        return r.json().get(0).path("slug").asText();
    }

    private String countryOf(String slug) {
        for (JsonNode a : get("/api/associations", Auth.NONE).json()) {
            if (a.path("slug").asText().equals(slug)) {
                return a.path("country").asText();
            }
        }
        throw new AssertionError("no association " + slug);
    }
}
