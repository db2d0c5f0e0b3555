package eu.danubia.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;


/** The B2B mode through its REST API: privacy before acceptance, moderation rights, import, hot undeploy. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class B2bIT extends DanubiaTestSupport {

    private static final String RO = "somes-clusters";
    private static final String HU = "pannon-innovation";
    private static final String CONTACT_EMAIL = "ana.pop@sme-a.example.ro";

    @Before
    public void healthy() {
        awaitHealthy();
    }

    private Auth member(String slug, String emailPrefix) {
        String email = api().createMember(slug, DEMO_PASSWORD, emailPrefix);
        return bearer(login(email, ApiClient.memberPassword(slug)));
    }

    private static Map<String, Object> technologyOffer(String title) {
        Map<String, Object> p = new HashMap<>();
        p.put("type", "TECHNOLOGY_OFFER");
        p.put("title", title);
        p.put("summary", "Laser-based inline sensor that measures wood moisture at line speed.");
        p.put("description", "A Romanian SME offers a patented inline moisture sensor for sawmills and furniture plants.");
        p.put("innovation", "Contactless, calibrated per species, 10x faster than sampling.");
        p.put("stage", "PROTOTYPE");
        p.put("ipr", "PATENT_PENDING");
        p.put("technologyKeywords", List.of("laser", "moisture sensor"));
        p.put("marketKeywords", List.of("sawmills", "furniture"));
        p.put("naceCodes", List.of("26.51", "16.10"));
        p.put("partnershipTypes", List.of("LICENCE", "TECHNICAL_COOPERATION"));
        p.put("targetCountries", List.of("HU", "SK"));
        p.put("language", "en");
        p.put("contactName", "Ana Pop");
        p.put("contactEmail", CONTACT_EMAIL);
        p.put("contactPhone", "+40 264 000 111");
        return p;
    }

    @Test
    public void contactStaysHiddenUntilTheOwnerAcceptsAndOnlyTheOwnersAdminModerates() {
        Auth smeA = member(RO, "sme-a-");
        Auth smeB = member(HU, "sme-b-");
        Auth adminRo = bearer(login("admin@" + RO + ".demo.danubia.eu", DEMO_PASSWORD));
        Auth adminHu = bearer(login("admin@" + HU + ".demo.danubia.eu", DEMO_PASSWORD));

        Reply draft = send("POST", "/api/b2b/profiles", smeA, technologyOffer("Inline laser moisture sensor for sawmills"));
        assertEquals(draft.body(), 201, draft.status());
        String id = draft.json().path("id").asText();
        assertEquals("DRAFT", draft.json().path("status").asText());
        assertEquals(404, get("/api/b2b/profiles/" + id, smeB).status());

        assertEquals(200, send("POST", "/api/b2b/profiles/" + id + "/submit", smeA, null).status());
        // moderation belongs to the owner's association admin only
        assertRefused(send("POST", "/api/b2b/profiles/" + id + "/approve", adminHu, null));
        assertRefused(send("POST", "/api/b2b/profiles/" + id + "/approve", smeB, null));
        assertRefused(send("POST", "/api/b2b/profiles/" + id + "/approve", smeA, null));
        assertFalse(get("/api/b2b/moderation", adminHu).body().contains(id));
        assertTrue(get("/api/b2b/moderation", adminRo).body().contains(id));
        Reply approved = send("POST", "/api/b2b/profiles/" + id + "/approve", adminRo, null);
        assertEquals(approved.body(), 200, approved.status());
        assertEquals("PUBLISHED", approved.json().path("status").asText());

        // another tenant cannot edit or close it
        assertRefused(send("PUT", "/api/b2b/profiles/" + id, smeB, technologyOffer("Taken over")));
        assertRefused(send("POST", "/api/b2b/profiles/" + id + "/close", smeB, null));
        assertRefused(send("POST", "/api/b2b/profiles/" + id + "/close", adminHu, null));

        // before acceptance: no endpoint reveals the owner or the contact
        List<Reply> views = new ArrayList<>();
        views.add(get("/api/b2b/profiles/" + id, smeB));
        views.add(get("/api/b2b/profiles?q=moisture%20sensor", smeB));
        views.add(get("/api/b2b/profiles?keyword=laser", Auth.NONE));
        views.add(get("/api/b2b/profiles/export.csv?q=moisture", smeB));
        views.add(get("/api/b2b/profiles/" + id + "/similar", smeB));
        for (Reply view : views) {
            assertEquals(view.body(), 200, view.status());
            assertFalse("contact leaked: " + view.body(), view.body().contains(CONTACT_EMAIL) || view.body().contains("Ana Pop"));
        }
        assertTrue(views.get(0).json().path("owner").isNull());
        assertTrue("found by keyword search", views.get(1).body().contains(id));

        Reply eoi = send("POST", "/api/b2b/profiles/" + id + "/interests", smeB, Map.of("message", "We run three sawmills in Pest county."));
        assertEquals(eoi.body(), 201, eoi.status());
        String interest = eoi.json().path("id").asText();
        assertEquals(409, send("POST", "/api/b2b/profiles/" + id + "/interests", smeB, Map.of("message", "again")).status());
        Reply outbox = get("/api/b2b/interests?box=outbox", smeB);
        assertFalse(outbox.body().contains(CONTACT_EMAIL));
        assertFalse(get("/api/notifications", smeB).body().contains(CONTACT_EMAIL));
        assertRefused(send("POST", "/api/b2b/interests/" + interest + "/accept", smeB, null));

        Reply accepted = send("POST", "/api/b2b/interests/" + interest + "/accept", smeA, null);
        assertEquals(accepted.body(), 200, accepted.status());
        assertEquals("ACCEPTED", accepted.json().path("status").asText());

        Reply revealed = get("/api/b2b/profiles/" + id, smeB);
        assertEquals(CONTACT_EMAIL, revealed.json().path("owner").path("contactEmail").asText());
        assertTrue(get("/api/b2b/interests/" + interest, smeB).body().contains(CONTACT_EMAIL));
        Reply agreement = send("POST", "/api/b2b/agreements", smeB, Map.of("interestId", interest, "type", "LICENCE",
                "description", "Licence for Hungary", "signedOn", "2026-11-20"));
        assertEquals(agreement.body(), 201, agreement.status());
        await("the owner to be notified", Duration.ofSeconds(10),
                () -> get("/api/notifications", smeA).body().contains("b2b.interest.received"));
    }

    @Test
    public void csvImportStoresTheGoodRowsAndReportsEachBadOneWithItsLine() throws IOException {
        Auth smeA = member(RO, "importer-");
        // titles from real Horizon Europe topics (shared/data/cordis-callmatch/topics.tsv, CORDIS, CC BY 4.0)
        List<String> titles = Files.readAllLines(Path.of(System.getProperty("danubia.shared.data"), "cordis-callmatch", "topics.tsv"))
                .stream().skip(1).map(l -> l.split("\t")).filter(c -> c.length > 1).map(c -> c[1].replace("\"", "'"))
                .filter(t -> !t.isBlank() && t.length() < 190).limit(100).toList();
        assertEquals(100, titles.size());
        StringBuilder csv = new StringBuilder("type,title,summary,description,stage,technologyKeywords,naceCodes,contactName,contactEmail\n");
        List<Integer> badLines = List.of(12, 50, 88);
        for (int i = 0; i < 100; i++) {
            int line = i + 2;
            String title = titles.get(i);
            if (line == 12) {
                csv.append("TECHNOLOGY_OFFER,\"").append(title).append(",summary,desc,LAB_TESTED,ai,62.01,Ana Pop,").append(CONTACT_EMAIL).append('\n');
            } else if (line == 50) {
                csv.append("SPACESHIP_OFFER,\"").append(title).append("\",summary,desc,,ai,62.01,Ana Pop,").append(CONTACT_EMAIL).append('\n');
            } else if (line == 88) {
                csv.append("BUSINESS_REQUEST,\"").append(title).append("\",,desc,,,62.01,,\n");
            } else {
                csv.append("TECHNOLOGY_OFFER,\"").append(title).append("\",\"Summary, with a comma\",Description,LAB_TESTED,ai;robotics,62.01,Ana Pop,")
                        .append(CONTACT_EMAIL).append('\n');
            }
        }
        long before = get("/api/b2b/profiles/mine", smeA).json().size();
        Reply r = request("POST", "/api/b2b/import", smeA, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(r.body(), 200, r.status());
        assertEquals(r.body(), 97, r.json().path("stored").asInt());
        List<Integer> reported = new ArrayList<>();
        r.json().path("rejected").forEach(x -> reported.add(x.path("line").asInt()));
        assertEquals(r.body(), badLines, reported);
        assertEquals(before + 97, get("/api/b2b/profiles/mine", smeA).json().size());
    }

    @Test
    public void uninstallingB2bRemovesItsPathsAndMenuEntryAndKeepsItsData() {
        Auth smeA = member(RO, "undeploy-");
        String id = send("POST", "/api/b2b/profiles", smeA, technologyOffer("Profile that survives an uninstall")).json().path("id").asText();
        assertTrue(menu().contains("b2b"));
        try {
            executeCommand("feature:uninstall danubia-b2b");
            await("b2b paths to answer 404", Duration.ofSeconds(60), () -> get("/api/b2b/profiles", Auth.NONE).status() == 404);
            assertTrue(get("/api/b2b/profiles/" + id, smeA).isProblem());
            assertFalse(menu().contains("b2b"));
            assertEquals(200, get("/api/organisations", smeA).status());
        } finally {
            executeCommand("feature:install danubia-b2b");
        }
        await("b2b paths to come back", Duration.ofSeconds(60), () -> get("/api/b2b/profiles/" + id, smeA).status() == 200);
        assertEquals("Profile that survives an uninstall", get("/api/b2b/profiles/" + id, smeA).json().path("title").asText());
        assertTrue(menu().contains("b2b"));
    }

    private List<String> menu() {
        List<String> ids = new ArrayList<>();
        get("/api/ui/contributions", Auth.NONE).json().forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    private static void assertRefused(Reply r) {
        assertTrue("expected 403 or 404, got " + r.status() + ": " + r.body(), r.status() == 403 || r.status() == 404);
        assertTrue(r.isProblem());
    }
}
