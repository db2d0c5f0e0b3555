package eu.danubia.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The matching engine inside the real distribution: its models load and embed under Karaf, B2B's
 * similar profiles come from it, B2B falls back to its lexical similarity when it is uninstalled, and
 * the reindex command reports what it did. The engine starts without warm-up here (as in every IT
 * class), so the first request waits for the models and the reference embeddings.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
// the uninstall test sorts last, so the others do not wait for a second warm-up
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MatchingIT extends DanubiaTestSupport {

    private static final String RO = "somes-clusters";
    /** The first use loads two models and embeds the funding topics, funded projects and NACE labels: about a minute on two cores. */
    private static final Duration FIRST_USE = Duration.ofMinutes(5);
    /** A funded project of the CORDIS development set and its topic; the engine ranks the topic first for this title. */
    private static final String PROJECT_TOPIC = "HORIZON-CL5-2022-D5-01-09";
    private static final String PROJECT_TITLE_START = "Novel concept of a low cost, high power density";
    private static final String DEMO_OFFER_QUERY = "oxygen saturation";

    @Before
    public void healthy() {
        awaitHealthy();
    }

    @Test
    public void callsAndSectorsComeFromTheModelsLoadedInsideKaraf() throws IOException {
        Auth admin = bearer(login("admin@" + RO + ".demo.danubia.eu", DEMO_PASSWORD));
        String title = projectTitle();

        JsonNode calls = firstAnswer("/api/matching/calls", admin, Map.of("text", title, "limit", 10)).json();
        assertTrue(calls.toString(), calls.isArray() && calls.size() > 0 && calls.size() <= 10);
        List<String> codes = new ArrayList<>();
        for (JsonNode c : calls) {
            codes.add(c.path("topicCode").asText());
            assertFalse(c.toString(), c.path("title").asText().isBlank());
            assertTrue("no reasons: " + c, c.path("reasons").isArray() && c.path("reasons").size() > 0);
        }
        assertTrue(PROJECT_TOPIC + " not in the top 10: " + codes, codes.contains(PROJECT_TOPIC));

        Reply classified = send("POST", "/api/matching/classify", admin, Map.of("text", "We are a software company: we "
                + "develop custom business applications and cloud-based web platforms for our clients, maintain them, "
                + "and advise on IT systems and their integration.", "limit", 5));
        assertEquals(classified.body(), 200, classified.status());
        List<String> sectors = new ArrayList<>();
        classified.json().path("sectors").forEach(s -> sectors.add(s.path("naceCode").asText()));
        assertTrue("no 62.xx code in the top 3: " + sectors,
                sectors.stream().limit(3).anyMatch(code -> code.startsWith("62.")));
        assertTrue(classified.body(), classified.json().path("keywords").isArray());

        // classification and calls are for signed-in users; bad input is a 400 problem
        assertProblem(401, send("POST", "/api/matching/calls", Auth.NONE, Map.of("text", title)));
        assertProblem(401, send("POST", "/api/matching/classify", Auth.NONE, Map.of("text", title)));
        assertProblem(400, send("POST", "/api/matching/calls", admin, Map.of("text", "x".repeat(10_001))));
        assertProblem(400, send("POST", "/api/matching/calls", admin, Map.of("text", "  ")));
        assertProblem(400, send("POST", "/api/matching/classify", admin, Map.of("text", title, "limit", 51)));
        assertProblem(400, send("POST", "/api/matching/search", Auth.NONE, Map.of("text", "sensor", "direction", "sideways")));

        // search is open to anonymous visitors and finds published profiles only
        String demoOffer = demoOffer();
        await("the published demo offer to be found by a search in other words", Duration.ofSeconds(120), () -> {
            Reply r = send("POST", "/api/matching/search", Auth.NONE,
                    Map.of("text", "wrist device measuring blood oxygen", "direction", "offer", "limit", 5));
            assertEquals(r.body(), 200, r.status());
            return r.body().contains(demoOffer);
        });

        // the status is for platform admins
        assertProblem(403, get("/api/matching/status", admin));
        assertProblem(401, get("/api/matching/status", Auth.NONE));
        Reply status = get("/api/matching/status", bearer(login(ADMIN_EMAIL, ADMIN_PASSWORD)));
        assertEquals(status.body(), 200, status.status());
        assertTrue(status.body(), status.json().path("models").size() > 0);
        assertTrue(status.body(), status.json().path("sources").toString().contains("b2b"));
    }

    @Test
    public void reindexPrintsHowManyProfilesItIndexed() {
        String out = executeCommand("danubia:reindex");
        Matcher m = Pattern.compile("Indexed (\\d+) profiles in \\d+(\\.\\d+)? s").matcher(out);
        assertTrue(out, m.find());
        int indexed = Integer.parseInt(m.group(1));
        assertTrue("the published demo profiles at least: " + out, indexed >= 9);
        // the console of an executed command is no terminal: a line per tenth, not a line rewritten with \r
        assertTrue(out, out.contains("Reindexing: 100 % (" + indexed + "/" + indexed + ")\n") && !out.contains("\r"));
        Reply status = get("/api/matching/status", bearer(login(ADMIN_EMAIL, ADMIN_PASSWORD)));
        assertEquals(status.body(), indexed, status.json().path("indexedProfiles").asInt());
        assertTrue(executeCommand("danubia:matching-status").contains("Indexed profiles: " + indexed));
    }

    @Test
    public void similarB2bProfilesAreCounterpartsRankedByTheEngine() {
        String offer = demoOffer();
        String request = publishedRequest("Wearable pulse oximetry sensor sought for remote patient monitoring");

        JsonNode[] similar = new JsonNode[1];
        await("the new request to be indexed and recommended for the demo offer", FIRST_USE, () -> {
            Reply r = get("/api/b2b/profiles/" + offer + "/similar", Auth.NONE);
            assertEquals(r.body(), 200, r.status());
            similar[0] = r.json();
            return r.body().contains(request);
        });
        assertTrue(similar[0].size() > 0);
        for (JsonNode item : similar[0]) {
            String type = item.path("profile").path("type").asText();
            assertTrue("an offer for an offer: " + item, type.endsWith("_REQUEST"));
            assertTrue("no semantic reason: " + item, signals(item).contains("semantic"));
        }
    }

    @Test
    public void withoutTheEngineB2bFallsBackToItsLexicalSimilarity() {
        String offer = demoOffer();
        String request = publishedRequest("Pulse oximetry wearable sensor wanted for home care of patients");
        try {
            executeCommand("feature:uninstall danubia-matching");
            await("the matching paths to answer 404", Duration.ofSeconds(60),
                    () -> send("POST", "/api/matching/search", Auth.NONE, Map.of("text", "sensor")).status() == 404);
            Auth admin = bearer(login("admin@" + RO + ".demo.danubia.eu", DEMO_PASSWORD));
            assertEquals(404, send("POST", "/api/matching/calls", admin, Map.of("text", "sensor")).status());
            assertEquals(404, send("POST", "/api/matching/classify", admin, Map.of("text", "sensor")).status());
            assertEquals(404, get("/api/matching/status", bearer(login(ADMIN_EMAIL, ADMIN_PASSWORD))).status());

            Reply r = get("/api/b2b/profiles/" + offer + "/similar", Auth.NONE);
            assertEquals(r.body(), 200, r.status());
            assertTrue("the request sharing keywords is found without the engine: " + r.body(), r.body().contains(request));
            for (JsonNode item : r.json()) {
                List<String> signals = signals(item);
                assertFalse("a semantic reason without the engine: " + item, signals.contains("semantic"));
                assertTrue("no lexical reason: " + item, signals.stream()
                        .anyMatch(s -> s.equals("shared-keywords") || s.equals("nace") || s.equals("text")));
            }
        } finally {
            executeCommand("feature:install danubia-matching");
        }
        await("the matching paths to come back", Duration.ofSeconds(60),
                () -> get("/api/matching/status", Auth.NONE).status() == 401);
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Posts until the engine answers 200; the first use can outlast one request's timeout, the retries wait for the same loading. */
    private Reply firstAnswer(String path, Auth auth, Object body) {
        Reply[] answer = new Reply[1];
        await(path + " to answer (first use loads the models)", FIRST_USE, () -> {
            Reply r = send("POST", path, auth, body);
            assertEquals(r.body(), 200, r.status());
            answer[0] = r;
            return true;
        });
        return answer[0];
    }

    /** The title of the funded project from the CORDIS development set (shared/data, CC BY 4.0). */
    private static String projectTitle() throws IOException {
        return Files.readAllLines(Path.of(System.getProperty("danubia.shared.data"), "cordis-callmatch", "dev.tsv")).stream()
                .map(l -> l.split("\t")).filter(c -> c.length == 4 && c[3].equals(PROJECT_TOPIC)
                        && c[2].startsWith(PROJECT_TITLE_START))
                .map(c -> c[2]).findFirst().orElseThrow(() -> new AssertionError("project not in dev.tsv"));
    }

    /** The published demo technology offer of Duna Medtech (pannon-innovation). */
    private String demoOffer() {
        Reply r = get("/api/b2b/profiles?type=TECHNOLOGY_OFFER&q=" + DEMO_OFFER_QUERY.replace(" ", "%20"), Auth.NONE);
        assertEquals(r.body(), 200, r.status());
        assertEquals(r.body(), 1, r.json().path("items").size());
        return r.json().path("items").get(0).path("id").asText();
    }

    /** A technology request of a Romanian member sharing keywords and sector with the demo offer, approved by its admin. */
    private String publishedRequest(String title) {
        String email = api().createMember(RO, DEMO_PASSWORD, "matching-");
        Auth member = bearer(login(email, ApiClient.memberPassword(RO)));
        Map<String, Object> p = new HashMap<>();
        p.put("type", "TECHNOLOGY_REQUEST");
        p.put("title", title);
        p.put("summary", "A Romanian home-care provider looks for a wrist-worn sensor that measures blood oxygen and "
                + "pulse continuously, to follow patients with chronic lung disease at home.");
        p.put("description", "We run remote patient monitoring for 800 patients and need a wearable that sends readings "
                + "to a phone or a hub, with a battery that lasts several days.");
        p.put("stage", "FIELD_TESTED");
        p.put("technologyKeywords", List.of("pulse oximetry", "wearable sensor"));
        p.put("marketKeywords", List.of("remote patient monitoring", "home care"));
        p.put("naceCodes", List.of("26.60"));
        p.put("partnershipTypes", List.of("LICENCE"));
        p.put("contactName", "Ioana Matei");
        p.put("contactEmail", "ioana.matei@home-care.example.ro");
        Reply created = send("POST", "/api/b2b/profiles", member, p);
        assertEquals(created.body(), 201, created.status());
        String id = created.json().path("id").asText();
        assertEquals(200, send("POST", "/api/b2b/profiles/" + id + "/submit", member, null).status());
        Auth admin = bearer(login("admin@" + RO + ".demo.danubia.eu", DEMO_PASSWORD));
        Reply approved = send("POST", "/api/b2b/profiles/" + id + "/approve", admin, null);
        assertEquals(approved.body(), 200, approved.status());
        return id;
    }

    private static List<String> signals(JsonNode similarItem) {
        List<String> out = new ArrayList<>();
        similarItem.path("reasons").forEach(r -> out.add(r.path("signal").asText()));
        return out;
    }

    private static void assertProblem(int status, Reply r) {
        assertEquals(r.body(), status, r.status());
        assertTrue(r.body(), r.isProblem());
    }
}
