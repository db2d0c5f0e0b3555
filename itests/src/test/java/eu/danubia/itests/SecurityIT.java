package eu.danubia.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/** Security as a tester would probe it, through the real HTTP stack and the Karaf console realm. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityIT extends DanubiaTestSupport {

    @Before
    public void healthy() {
        awaitHealthy();
    }

    @Test
    public void wellKnownDefaultCredentialsFailEverywhere() {
        String[][] attempts = {
            {"admin@danubia.local", "admin"}, {"admin", "admin"}, {"karaf", "karaf"}, {"admin@danubia.local", "karaf"},
            {"admin@danubia.local", "password"}, {"admin", ""},
        };
        for (String[] a : attempts) {
            Reply r = send("POST", "/api/auth/login", Auth.NONE, Map.of("email", a[0], "password", a[1]));
            assertTrue(a[0] + "/" + a[1] + " -> " + r.status(), r.status() == 401 || r.status() == 400 || r.status() == 429);
            assertTrue(r.body(), r.isProblem());
            assertFalse("no session cookie", r.headers().containsKey("set-cookie")
                    && r.headers().get("set-cookie").stream().anyMatch(c -> c.startsWith("DANUBIA_SESSION=") && !c.contains("Max-Age=0")));
        }
        // the Karaf console (SSH, JMX) authenticates against the "karaf" JAAS realm: it has no users
        for (String[] a : new String[][] {{"karaf", "karaf"}, {"admin", "admin"}, {"admin@danubia.local", ADMIN_PASSWORD}}) {
            assertFalse(a[0] + "/" + a[1] + " must not log in to the console", jaasLogin(a[0], a[1]));
        }
        // the operator-supplied password works, and only for the API
        assertEquals(200, get("/api/auth/me", bearer(login(ADMIN_EMAIL, ADMIN_PASSWORD))).status());
    }

    @Test
    public void anotherAssociationsPrivateRecordsAreInvisibleThroughEveryDirectoryEndpoint() {
        List<String> slugs = new ArrayList<>();
        get("/api/associations", Auth.NONE).json().forEach(a -> slugs.add(a.path("slug").asText()));
        assertTrue("two demo associations at least", slugs.size() >= 2);
        Auth adminA = bearer(login("admin@" + slugs.get(0) + ".demo.danubia.eu", DEMO_PASSWORD));
        Auth adminB = bearer(login("admin@" + slugs.get(1) + ".demo.danubia.eu", DEMO_PASSWORD));
        String associationA = get("/api/auth/me", adminA).json().path("user").path("associationId").asText();
        assertFalse(associationA.isEmpty());

        // a member of B, created by B's admin
        String memberEmail = "member-" + System.nanoTime() + "@b.example.eu";
        Reply user = send("POST", "/api/users", adminB, Map.of("email", memberEmail, "name", "Member of B",
                "password", "Member-B-Pass-5521!", "roles", List.of("member")));
        assertEquals(user.body(), 201, user.status());
        Auth memberB = bearer(login(memberEmail, "Member-B-Pass-5521!"));

        String country = associationCountry(slugs.get(0));
        String privateOrg = created(send("POST", "/api/organisations", adminA, org("Private Org of A", country, "ASSOCIATION")));
        String publicOrg = created(send("POST", "/api/organisations", adminA, org("Public Org of A", country, "PUBLIC")));
        Map<String, Object> cluster = new HashMap<>();
        cluster.put("name", "Private Cluster of A");
        cluster.put("country", country);
        cluster.put("sectors", List.of("62.01"));
        cluster.put("visibility", "ASSOCIATION");
        String privateCluster = created(send("POST", "/api/clusters", adminA, cluster));
        assertEquals(204, send("PUT", "/api/clusters/" + privateCluster + "/members/" + privateOrg, adminA, Map.of()).status());

        for (Auth outsider : List.of(adminB, memberB, Auth.NONE)) {
            assertHidden(get("/api/organisations/" + privateOrg, outsider));
            assertHidden(send("PUT", "/api/organisations/" + privateOrg, outsider, org("Taken over", country, "PUBLIC")));
            assertHidden(get("/api/clusters/" + privateCluster, outsider));
            assertHidden(get("/api/clusters/" + privateCluster + "/members", outsider));
            assertHidden(send("PUT", "/api/clusters/" + privateCluster, outsider, cluster));
            assertHidden(send("PUT", "/api/clusters/" + privateCluster + "/members/" + publicOrg, outsider, Map.of()));
            assertHidden(request("DELETE", "/api/clusters/" + privateCluster + "/members/" + privateOrg, outsider, null, null));
            assertFalse(get("/api/organisations?q=Private%20Org%20of%20A&size=200", outsider).body().contains(privateOrg));
            assertFalse(get("/api/clusters?q=Private%20Cluster&size=200", outsider).body().contains(privateCluster));
            // a public record of A is readable but not writable by outsiders
            assertEquals(200, get("/api/organisations/" + publicOrg, outsider).status());
            Reply write = send("PUT", "/api/organisations/" + publicOrg, outsider, org("Taken over", country, "PUBLIC"));
            assertTrue(write.status() + " " + write.body(), write.status() == 403 || write.status() == 401);
            assertTrue(write.isProblem());
        }
        // nothing an outsider tried changed A's records
        assertEquals("Public Org of A", get("/api/organisations/" + publicOrg, adminA).json().path("name").asText());
        assertEquals(1, get("/api/clusters/" + privateCluster + "/members", adminA).json().size());
        // an outsider cannot plant a record in A by naming A's association
        Map<String, Object> planted = org("Planted in A", associationCountry(slugs.get(1)), "PUBLIC");
        planted.put("associationId", associationA);
        Reply plant = send("POST", "/api/organisations", adminB, planted);
        assertTrue(plant.body(), plant.status() == 403 || plant.status() == 400
                || plant.status() == 201 && !plant.json().path("associationId").asText().equals(associationA));
    }

    @Test
    public void cookieSessionsNeedTheCsrfTokenToChangeAnything() {
        String slug = get("/api/associations", Auth.NONE).json().get(0).path("slug").asText();
        Auth session = login("admin@" + slug + ".demo.danubia.eu", DEMO_PASSWORD);
        Auth cookieOnly = new Auth(null, session.cookie(), null);
        Auth cookieWithCsrf = new Auth(null, session.cookie(), session.csrf());
        Map<String, Object> body = org("Csrf Test Org", associationCountry(slug), "PUBLIC");

        Reply forged = send("POST", "/api/organisations", cookieOnly, body);
        assertEquals(forged.body(), 403, forged.status());
        assertTrue(forged.isProblem());
        Reply wrong = send("POST", "/api/organisations", new Auth(null, session.cookie(), "not-the-token"), body);
        assertEquals(403, wrong.status());
        assertEquals("reads need no token", 200, get("/api/auth/me", cookieOnly).status());
        assertEquals(201, send("POST", "/api/organisations", cookieWithCsrf, body).status());
    }

    @Test
    public void badInputGetsAProblemNeverA500() {
        String slug = get("/api/associations", Auth.NONE).json().get(0).path("slug").asText();
        Auth admin = bearer(login("admin@" + slug + ".demo.danubia.eu", DEMO_PASSWORD));
        byte[] malformed = "{\"name\": \"Broken".getBytes(StandardCharsets.UTF_8);
        byte[] unknownField = "{\"name\":\"X\",\"type\":\"BUSINESS\",\"country\":\"RO\",\"visibility\":\"PUBLIC\",\"bogus\":1}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] wrongType = "{\"name\":\"X\",\"type\":\"SPACESHIP\",\"country\":\"RO\",\"visibility\":\"PUBLIC\"}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] oversize = ("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        expectProblem(400, request("POST", "/api/organisations", admin, "application/json", malformed));
        Reply unknown = request("POST", "/api/organisations", admin, "application/json", unknownField);
        expectProblem(400, unknown);
        assertTrue(unknown.body(), unknown.body().contains("bogus"));
        expectProblem(400, request("POST", "/api/organisations", admin, "application/json", wrongType));
        expectProblem(413, rawRequest("POST", "/api/organisations", admin, "application/json", oversize, false));
        expectProblem(413, rawRequest("POST", "/api/organisations", admin, "application/json", oversize, true));
        expectProblem(415, request("POST", "/api/organisations", admin, "text/plain", "name=x".getBytes(StandardCharsets.UTF_8)));
        expectProblem(415, request("POST", "/api/auth/login", Auth.NONE, "application/x-www-form-urlencoded",
                "email=a&password=b".getBytes(StandardCharsets.UTF_8)));
        Reply invalid = send("POST", "/api/organisations", admin, Map.of("name", "", "type", "BUSINESS", "country", "XX",
                "visibility", "PUBLIC", "website", "ftp://nope"));
        expectProblem(400, invalid);
        JsonNode errors = invalid.json().path("errors");
        assertTrue(errors.toString(), errors.has("name") && errors.has("country") && errors.has("website"));
        expectProblem(404, get("/api/organisations/not-a-uuid", admin));
        expectProblem(400, get("/api/organisations?page=-1", admin));
        expectProblem(404, get("/api/no-such-module", admin));
        expectProblem(401, get("/api/users", Auth.NONE));
        expectProblem(401, get("/api/organisations", new Auth("forged-token", null, null)));
    }

    private static void expectProblem(int status, Reply r) {
        assertEquals(r.body(), status, r.status());
        assertTrue("problem+json without internals: " + r.contentType() + " " + r.body(), r.isProblem());
    }

    private static void assertHidden(Reply r) {
        assertTrue("expected 404 (or 401 for anonymous writes), got " + r.status() + ": " + r.body(),
                r.status() == 404 || r.status() == 401);
        assertTrue(r.isProblem());
    }

    private static String created(Reply r) {
        assertEquals(r.body(), 201, r.status());
        return r.json().path("id").asText();
    }

    private static Map<String, Object> org(String name, String country, String visibility) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("type", "BUSINESS");
        m.put("country", country);
        m.put("naceCodes", List.of("62.01"));
        m.put("visibility", visibility);
        return m;
    }

    private String associationCountry(String slug) {
        for (JsonNode a : get("/api/associations", Auth.NONE).json()) {
            if (a.path("slug").asText().equals(slug)) {
                return a.path("country").asText();
            }
        }
        throw new AssertionError("no association " + slug);
    }

    private static boolean jaasLogin(String user, String password) {
        try {
            LoginContext lc = new LoginContext("karaf", callbacks -> {
                for (var cb : callbacks) {
                    if (cb instanceof NameCallback n) {
                        n.setName(user);
                    } else if (cb instanceof PasswordCallback p) {
                        p.setPassword(password.toCharArray());
                    }
                }
            });
            lc.login();
            lc.logout();
            return true;
        } catch (LoginException expected) {
            return false;
        } catch (SecurityException e) {
            fail("JAAS realm 'karaf' not available: " + e);
            return false;
        }
    }
}
