package eu.danubia.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The main flow of each cooperation mode of issue 7 as people do it, in headless Chromium against the built
 * distribution with its demo data (screenshots in {@code target/screenshots/modes-*.png}): C2C — a Romanian cluster
 * proposes a partnership to a Hungarian one and the Hungarian admin accepts; C2B — a Hungarian SME requests a
 * Romanian cluster's service and gets the cluster's answer; RDI — a Romanian university opens a project idea for a
 * Horizon Europe topic, a Czech institute and a Slovak SME apply for the missing roles, and once accepted the
 * consortium builder shows every role filled. Then, over HTTP, the tenant and role rules of the main endpoints
 * (answer, edit, read private: another association's admin gets 403/404 as problem+json), and the organisation
 * page's cross-mode activity view with one section per installed mode.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ModesFlowIT {

    private static final String DEMO_PASSWORD = "Modes-Demo-Pass-6620!";
    private static final String RO = "somes-clusters";
    private static final String HU = "pannon-innovation";
    private static final String CZ = "jihomoravske-klastry";
    private static final String SK = "kosice-clusters";
    private static final String UNIVERSITY = "Institutul de Inginerie";
    /** A Horizon Europe topic of the bundled CORDIS topics (Cluster 5). */
    private static final String TOPIC = "HORIZON-CL5-2022-D5-01-09";

    private static DistributionProcess danubia;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static ShellPage page;
    private static ApiClient api;
    private static String somesDigital;
    private static String pannonHealth;
    private static final List<String> figures = new ArrayList<>();
    private static String rdiIdea;
    private static String universityId;
    private static String c2bRequestOrg;

    @Rule
    public final TestWatcher keepScreenOnFailure = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description d) {
            try {
                Browser.shot(browser, "modes-failure-" + d.getMethodName());
                Files.writeString(Path.of("target/screenshots/modes-failure-" + d.getMethodName() + ".html"), browser.getPageSource());
            } catch (Exception ignored) {
                // the failure itself is what matters
            }
        }
    };

    @BeforeClass
    public static void start() throws Exception {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        long t = System.nanoTime();
        danubia = DistributionProcess.start("modes-flow-run", "Modes-Admin-Pass-7781!", Map.of("eu.danubia.demo.cfg", "password = " + DEMO_PASSWORD));
        figures.add(String.format(Locale.ROOT, "start (unpack, boot, demo data): %.1f s", (System.nanoTime() - t) / 1e9));
        api = new ApiClient(danubia.baseUrl());
        page = new ShellPage(browser, wait, danubia.baseUrl());
        somesDigital = clusterId("Someș Digital Cluster");
        pannonHealth = clusterId("Pannon Health Technology Cluster");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (danubia != null) {
            danubia.close();
        }
        System.out.println("ModesFlowIT figures:\n  " + String.join("\n  ", figures));
    }

    @Test
    public void a_c2cRomanianClusterProposesAndTheHungarianAdminAccepts() throws Exception {
        long t = System.nanoTime();
        String title = "Digital health pilots Cluj–Pécs " + System.nanoTime();
        page.login(admin(RO), DEMO_PASSWORD);
        page.go("#/c2c/clusters/" + pannonHealth + "?from=" + somesDigital);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("c2c-profile")));
        new Select(page.visible("c2c-propose-from")).selectByValue(somesDigital);
        new Select(page.visible("c2c-propose-type")).selectByValue("JOINT_PROJECT");
        page.type("c2c-propose-title", title);
        page.type("c2c-propose-message", "Our software SMEs would build remote monitoring with your hospitals; joint Interreg proposal in 2027.");
        Browser.shot(browser, "modes-c2c-01-proposal-form");
        page.click(By.id("c2c-propose-submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("c2c-flash")));
        String id = null;
        for (JsonNode p : api.get("/api/c2c/proposals?box=out", bearer(admin(RO))).json()) {
            if (p.path("title").asText().equals(title)) {
                id = p.path("id").asText();
            }
        }
        assertNotNull("the proposal is in RO's outbox", id);
        By row = By.cssSelector("#c2c-proposals tr[data-proposal-id='" + id + "']");
        assertEquals("PROPOSED", wait.until(ExpectedConditions.presenceOfElementLocated(row)).getAttribute("data-status"));
        Browser.shot(browser, "modes-c2c-02-outbox");
        page.logout();

        page.login(admin(HU), DEMO_PASSWORD);
        page.go("#/c2c/proposals?box=in");
        page.click(By.cssSelector("#c2c-proposals tr[data-proposal-id='" + id + "'] button.c2c-accept"));
        wait.until(ExpectedConditions.attributeToBe(row, "data-status", "ACCEPTED"));
        Browser.shot(browser, "modes-c2c-03-accepted");
        page.logout();
        JsonNode p = api.get("/api/c2c/proposals/" + id, bearer(admin(RO))).json();
        assertEquals("ACCEPTED", p.path("status").asText());
        assertEquals(pannonHealth, p.path("to").path("clusterId").asText());
        figures.add(String.format(Locale.ROOT, "C2C browser flow: %.1f s", (System.nanoTime() - t) / 1e9));
    }

    @Test
    public void b_c2bSmeRequestsAClustersServiceAndGetsAnAnswer() throws Exception {
        long t = System.nanoTime();
        String title = "Cross-border GDPR clinic " + System.nanoTime();
        String answer = "Welcome: our next clinic is on 12 March in Cluj, we reserved two seats for you.";
        Reply service = api.send("POST", "/api/c2b/services", bearer(admin(RO)), Map.of("clusterId", somesDigital,
                "category", "TRAINING", "title", title, "description", "Half-day clinic on GDPR for software SMEs in health care.",
                "priceModel", "FREE", "eligibility", "ANY", "status", "PUBLISHED"));
        assertEquals(service.body(), 201, service.status());
        String serviceId = service.json().path("id").asText();

        String sme = api.createMember(HU, DEMO_PASSWORD, "modes-c2b-");
        page.login(sme, ApiClient.memberPassword(HU));
        page.go("#/c2b");
        page.type("c2b-q", "GDPR clinic");
        page.click(By.id("c2b-search"));
        page.click(By.cssSelector("#c2b-services tr[data-service-id='" + serviceId + "'] a.c2b-service-link"));
        wait.until(ExpectedConditions.attributeToBe(By.id("c2b-service"), "data-service-id", serviceId));
        page.type("c2b-request-message", "Two of our developers would like to attend; we work on hospital software.");
        Browser.shot(browser, "modes-c2b-01-request-form");
        page.click(By.id("c2b-request-submit"));
        WebElement request = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("c2b-request")));
        String requestId = request.getAttribute("data-request-id");
        assertEquals("SUBMITTED", request.getAttribute("data-status"));
        c2bRequestOrg = api.get("/api/c2b/requests/" + requestId, bearer(sme, HU))
                .json().path("organisationId").asText();
        Browser.shot(browser, "modes-c2b-02-request-sent");
        page.logout();

        page.login(admin(RO), DEMO_PASSWORD);
        page.go("#/c2b/inbox");
        page.click(By.cssSelector("#c2b-inbox tr[data-request-id='" + requestId + "'] button.c2b-open"));
        page.type("c2b-answer", answer);
        page.click(By.cssSelector("#c2b-answer-row button.c2b-accept"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("c2b-flash")));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#c2b-inbox tr[data-request-id='" + requestId + "']"), "data-status", "ACCEPTED"));
        Browser.shot(browser, "modes-c2b-03-answered");
        page.logout();

        page.login(sme, ApiClient.memberPassword(HU));
        page.go("#/c2b/requests");
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#c2b-my-requests tr[data-request-id='" + requestId + "'][data-status='ACCEPTED'] td.c2b-answer-text")));
        assertTrue(text.getText(), text.getText().contains("reserved two seats"));
        Browser.shot(browser, "modes-c2b-04-answer-seen");
        page.logout();
        figures.add(String.format(Locale.ROOT, "C2B browser flow: %.1f s", (System.nanoTime() - t) / 1e9));
    }

    @Test
    public void c_rdiUniversityIdeaGetsItsMissingRolesFilledFromTwoOtherCountries() throws Exception {
        long t = System.nanoTime();
        assertEquals("the topic is a seeded call", 200, api.get("/api/rdi/calls/" + TOPIC, Auth.NONE).status());
        String owner = api.createMemberOf(RO, DEMO_PASSWORD, "modes-rdi-uni-", UNIVERSITY);
        String czInstitute = api.createMemberOf(CZ, DEMO_PASSWORD, "modes-rdi-cz-", "Jihomoravský institut");
        String skSme = api.createMemberOf(SK, DEMO_PASSWORD, "modes-rdi-sk-", "Hornád Software");
        String title = "Solid-state batteries for rural micro-grids " + System.nanoTime();

        page.login(owner, ApiClient.memberPassword(RO));
        page.go("#/rdi/new?call=" + TOPIC);
        page.type("rdi-idea-title", title);
        page.type("rdi-idea-summary-input", "The university coordinates a consortium that develops solid-state battery packs for "
                + "village micro-grids; we need a research partner on electrolytes and an SME that builds battery management systems.");
        assertEquals(TOPIC, page.visible("rdi-call-code").getAttribute("value"));
        new Select(page.visible("rdi-owner-role")).selectByValue("COORDINATOR");
        List<WebElement> rows = browser.findElements(By.cssSelector("#rdi-roles tr.rdi-role-row"));
        assertEquals("the form proposes a research partner and an SME", 2, rows.size());
        new Select(rows.get(0).findElement(By.cssSelector("select.rdi-role-kind"))).selectByValue("RESEARCH_PARTNER");
        new Select(rows.get(1).findElement(By.cssSelector("select.rdi-role-kind"))).selectByValue("SME");
        assertTrue("published at once", page.visible("rdi-idea-open").isSelected());
        Browser.shot(browser, "modes-rdi-01-idea-form");
        page.click(By.id("rdi-idea-submit"));
        wait.until(ExpectedConditions.attributeToBe(By.id("rdi-idea-status"), "data-status", "OPEN"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rdi-consortium tr[data-role='SME'][data-filled='false']")));
        String id = browser.getCurrentUrl().replaceAll(".*#/rdi/ideas/", "").replaceAll("[/?].*", "");
        rdiIdea = id;
        Browser.shot(browser, "modes-rdi-02-idea-open");
        page.logout();

        JsonNode idea = api.get("/api/rdi/ideas/" + id, Auth.NONE).json();
        universityId = idea.path("owner").path("organisationId").asText();
        String researchRole = roleId(idea, "RESEARCH_PARTNER");
        String smeRole = roleId(idea, "SME");
        apply(czInstitute, CZ, id, researchRole, "Our electrolyte lab in Brno would lead the materials work package.", "modes-rdi-03-applied-cz");
        apply(skSme, SK, id, smeRole, "We build battery management systems and would integrate them in the packs.", "modes-rdi-04-applied-sk");

        page.login(owner, ApiClient.memberPassword(RO));
        Auth ownerAuth = bearer(owner, RO);
        for (JsonNode a : api.get("/api/rdi/applications?box=inbox", ownerAuth).json()) {
            if (a.path("ideaId").asText().equals(id) && a.path("status").asText().equals("PENDING")) {
                page.go("#/rdi/applications");
                By row = By.cssSelector("#rdi-applications tr[data-application-id='" + a.path("id").asText() + "']");
                page.click(By.cssSelector("#rdi-applications tr[data-application-id='" + a.path("id").asText() + "'] button.accept"));
                wait.until(ExpectedConditions.attributeToBe(row, "data-status", "ACCEPTED"));
            }
        }
        Browser.shot(browser, "modes-rdi-05-accepted");
        page.go("#/rdi/ideas/" + id);
        for (String role : List.of("COORDINATOR", "RESEARCH_PARTNER", "SME")) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rdi-consortium tr[data-role='" + role + "'][data-filled='true']")));
        }
        assertTrue("no role missing", browser.findElements(By.cssSelector("#rdi-consortium tr[data-filled='false']")).isEmpty());
        WebElement countries = page.visible("rdi-consortium-countries");
        assertEquals("RO, CZ, SK: the three countries Horizon Europe asks for", "0", countries.getAttribute("data-missing"));
        assertEquals("true", countries.getAttribute("data-complete"));
        String filledBy = browser.findElement(By.cssSelector("#rdi-consortium tr[data-role='SME'] td.filled-by")).getText();
        assertTrue(filledBy, filledBy.contains("Hornád"));
        Browser.shot(browser, "modes-rdi-06-consortium-filled");
        page.logout();
        figures.add(String.format(Locale.ROOT, "RDI browser flow: %.1f s", (System.nanoTime() - t) / 1e9));
    }

    @Test
    public void d_c2cAnotherAssociationsAdminCannotAnswerEditOrReadPrivateItems() {
        Auth ro = bearer(admin(RO));
        Auth hu = bearer(admin(HU));
        Auth cz = bearer(admin(CZ));
        String nordVest = clusterId("Nord-Vest Automotive Cluster");
        String pestEnergy = clusterId("Pest Renewable Energy Cluster");
        Reply created = api.send("POST", "/api/c2c/proposals", ro, Map.of("fromClusterId", nordVest, "toClusterId", pestEnergy,
                "type", "STUDY_VISIT", "title", "Study visit to Pest solar plants " + System.nanoTime(),
                "message", "A delegation of our automotive suppliers would visit.", "startOn", LocalDate.now().plusDays(30).toString()));
        assertEquals(created.body(), 201, created.status());
        String id = created.json().path("id").asText();
        String path = "/api/c2c/proposals/" + id;

        problem(404, "a third association's admin reads the proposal", api.get(path, cz));
        problem(404, "a third association's admin accepts", api.send("POST", path + "/accept", cz, null));
        problem(403, "the proposing side accepts its own proposal", api.send("POST", path + "/accept", ro, null));
        problem(403, "the target side withdraws", api.send("POST", path + "/withdraw", hu, null));
        String huMember = api.createMember(HU, DEMO_PASSWORD, "modes-c2c-m-");
        problem(404, "a member of the target association reads the proposal", api.get(path, bearer(huMember, HU)));
        assertEquals("anonymous accept", 401, api.send("POST", path + "/accept", Auth.NONE, null).status());
        assertEquals(path + " stays PROPOSED", "PROPOSED", api.get(path, ro).json().path("status").asText());

        JsonNode profile = api.get("/api/c2c/clusters/" + nordVest, ro).json();
        Map<String, Object> edit = new java.util.LinkedHashMap<>();
        edit.put("valueChains", List.of("29.32"));
        edit.put("services", List.of("Secret supplier scouting"));
        edit.put("strategicInterests", "Confidential: battery suppliers for 2028");
        edit.put("emergingIndustries", List.of("INTELLIGENT_MOBILITY"));
        edit.put("languages", List.of("ro", "en"));
        edit.put("visibility", "ASSOCIATION");
        problem(403, "another association's admin edits the profile", api.send("PUT", "/api/c2c/clusters/" + nordVest, hu, edit));
        Reply own = api.send("PUT", "/api/c2c/clusters/" + nordVest, ro, edit);
        assertEquals(own.body() + " (profile before: " + profile + ")", 200, own.status());
        Reply outside = api.get("/api/c2c/clusters/" + nordVest, hu);
        assertEquals(outside.body(), 200, outside.status());
        assertFalse("an ASSOCIATION profile is not shown outside: " + outside.body(), outside.json().path("profiled").asBoolean());
        assertFalse(outside.body(), outside.body().contains("Confidential") || outside.body().contains("Secret supplier"));
    }

    @Test
    public void e_c2bAnotherAssociationsAdminCannotAnswerEditOrReadPrivateItems() {
        Auth ro = bearer(admin(RO));
        Auth hu = bearer(admin(HU));
        Auth cz = bearer(admin(CZ));
        String draft = api.send("POST", "/api/c2b/services", ro, service("Draft: export coaching " + System.nanoTime(), "DRAFT"))
                .json().path("id").asText();
        String published = api.send("POST", "/api/c2b/services", ro, service("Export coaching " + System.nanoTime(), "PUBLISHED"))
                .json().path("id").asText();
        problem(404, "another association's admin reads a draft service", api.get("/api/c2b/services/" + draft, hu));
        assertEquals(200, api.get("/api/c2b/services/" + published, hu).status());
        problem(403, "another association's admin edits a published service",
                api.send("PUT", "/api/c2b/services/" + published, hu, service("Hijacked", "PUBLISHED")));
        problem(403, "another association's admin archives it", api.send("DELETE", "/api/c2b/services/" + published, hu, null));

        String sme = api.createMember(HU, DEMO_PASSWORD, "modes-c2b-t-");
        Auth smeAuth = bearer(sme, HU);
        Reply sent = api.send("POST", "/api/c2b/requests", smeAuth, Map.of("serviceId", published, "message", "We would like to join."));
        assertEquals(sent.body(), 201, sent.status());
        String path = "/api/c2b/requests/" + sent.json().path("id").asText();
        problem(404, "a third association's admin reads the request", api.get(path, cz));
        problem(404, "a third association's admin accepts", api.send("POST", path + "/accept", cz, Map.of("answer", "yes")));
        problem(403, "the requester's association admin accepts", api.send("POST", path + "/accept", hu, Map.of("answer", "yes")));
        problem(403, "the requester accepts its own request", api.send("POST", path + "/accept", smeAuth, Map.of("answer", "yes")));
        String roMember = api.createMember(RO, DEMO_PASSWORD, "modes-c2b-ro-");
        problem(404, "a member of the cluster's association for another organisation reads the request", api.get(path, bearer(roMember, RO)));
        assertEquals("anonymous", 401, api.get(path, Auth.NONE).status());
        assertEquals("SUBMITTED", api.get(path, ro).json().path("status").asText());
    }

    @Test
    public void f_rdiAnotherAssociationsAdminCannotAnswerEditOrReadPrivateItems() {
        Auth hu = bearer(admin(HU));
        Auth cz = bearer(admin(CZ));
        String owner = api.createMemberOf(RO, DEMO_PASSWORD, "modes-rdi-t-", UNIVERSITY);
        Auth ownerAuth = bearer(owner, RO);
        String secret = idea(ownerAuth, "Private: hydrogen valleys " + System.nanoTime(), "PRIVATE");
        String open = idea(ownerAuth, "Open: hydrogen valleys " + System.nanoTime(), "PUBLIC");

        problem(404, "another association's admin reads a PRIVATE idea", api.get("/api/rdi/ideas/" + secret, cz));
        problem(404, "its consortium", api.get("/api/rdi/ideas/" + secret + "/consortium", cz));
        assertEquals("anonymous", 404, api.get("/api/rdi/ideas/" + secret, Auth.NONE).status());
        JsonNode idea = api.get("/api/rdi/ideas/" + open, hu).json();
        problem(403, "another association's admin edits a PUBLIC idea", api.send("PUT", "/api/rdi/ideas/" + open, hu,
                Map.of("title", "Hijacked", "summary", "x", "callCode", TOPIC, "visibility", "PUBLIC",
                        "roles", List.of(Map.of("role", "SME")))));
        problem(403, "another association's admin closes it", api.send("POST", "/api/rdi/ideas/" + open + "/close", hu, null));

        String applicant = api.createMemberOf(CZ, DEMO_PASSWORD, "modes-rdi-ta-", "Jihomoravský institut");
        Reply applied = api.send("POST", "/api/rdi/ideas/" + open + "/applications", bearer(applicant, CZ),
                Map.of("roleId", roleId(idea, "RESEARCH_PARTNER"), "message", "We would join."));
        assertEquals(applied.body(), 201, applied.status());
        String path = "/api/rdi/applications/" + applied.json().path("id").asText();
        problem(404, "a third association's admin reads the application", api.get(path, hu));
        problem(404, "a third association's admin accepts it", api.send("POST", path + "/accept", hu, null));
        problem(403, "the applicant's association admin accepts it", api.send("POST", path + "/accept", cz, null));
        assertEquals("PENDING", api.get(path, ownerAuth).json().path("status").asText());
    }

    @Test
    public void g_theOrganisationPageListsItsActivityInEveryInstalledMode() throws Exception {
        assertNotNull("the RDI flow ran", rdiIdea);
        Auth ro = bearer(admin(RO));
        Reply r = api.get("/api/organisations/" + universityId + "/activity", ro);
        assertEquals(r.body(), 200, r.status());
        List<String> modes = new ArrayList<>();
        for (JsonNode m : r.json()) {
            modes.add(m.path("mode").asText());
            assertFalse(m.toString(), m.path("label").asText().isBlank());
            for (JsonNode i : m.path("items")) {
                for (String f : List.of("kind", "title", "status", "at", "href")) {
                    assertTrue(f + " in " + i, i.has(f));
                }
            }
        }
        assertEquals("one entry per installed mode: " + modes, List.of("b2b", "c2b", "c2c", "rdi"), modes.stream().sorted().toList());
        assertTrue("the university's new idea is in its RDI activity: " + r.body(), r.body().contains(rdiIdea));
        if (c2bRequestOrg != null) {
            Reply sme = api.get("/api/organisations/" + c2bRequestOrg + "/activity", bearer(admin(HU)));
            JsonNode c2b = modeEntry(sme.json(), "c2b");
            assertNotNull(sme.body(), c2b);
            assertTrue("the SME's request is in its C2B activity: " + c2b, c2b.path("items").size() > 0);
        }
        page.login(admin(RO), DEMO_PASSWORD);
        page.go("#/directory/organisations/" + universityId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#org-activity section[data-mode='rdi']")));
        for (String mode : List.of("b2b", "c2c", "c2b")) {
            assertEquals(mode, 1, browser.findElements(By.cssSelector("#org-activity section[data-mode='" + mode + "']")).size());
        }
        String rdi = browser.findElement(By.cssSelector("#org-activity section[data-mode='rdi']")).getText();
        assertTrue(rdi, rdi.contains("Solid-state batteries for rural micro-grids"));
        Browser.shot(browser, "modes-activity-01-organisation-page");
        page.logout();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static void apply(String email, String slug, String ideaId, String roleId, String message, String shot) throws Exception {
        page.login(email, ApiClient.memberPassword(slug));
        page.go("#/rdi/ideas/" + ideaId);
        new Select(page.visible("rdi-apply-role")).selectByValue(roleId);
        page.type("rdi-apply-message", message);
        page.click(By.id("rdi-apply-submit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rdi-applications tr[data-box='OUTBOX'][data-status='PENDING']")));
        Browser.shot(browser, shot);
        page.logout();
    }

    private static String idea(Auth owner, String title, String visibility) {
        Reply r = api.send("POST", "/api/rdi/ideas", owner, Map.of("title", title, "summary", "Green hydrogen for Danube ports.",
                "callCode", TOPIC, "visibility", visibility, "roles", List.of(Map.of("role", "RESEARCH_PARTNER"), Map.of("role", "SME"))));
        assertEquals(r.body(), 201, r.status());
        String id = r.json().path("id").asText();
        Reply published = api.send("POST", "/api/rdi/ideas/" + id + "/publish", owner, null);
        assertEquals(published.body(), 200, published.status());
        return id;
    }

    private static Map<String, Object> service(String title, String status) {
        return Map.of("clusterId", somesDigital, "category", "INTERNATIONALISATION", "title", title,
                "description", "Coaching for SMEs entering the Hungarian market.", "priceModel", "ON_REQUEST", "eligibility", "ANY", "status", status);
    }

    private static String roleId(JsonNode idea, String role) {
        for (JsonNode r : idea.path("roles")) {
            if (r.path("role").asText().equals(role) && !r.path("filled").asBoolean()) {
                return r.path("id").asText();
            }
        }
        throw new AssertionError("no open " + role + " role in " + idea);
    }

    private static JsonNode modeEntry(JsonNode activity, String mode) {
        for (JsonNode m : activity) {
            if (m.path("mode").asText().equals(mode)) {
                return m;
            }
        }
        return null;
    }

    /** The answer has the status and is problem+json, without a stack trace. */
    private static void problem(int status, String who, Reply r) {
        assertEquals(who + ": " + r.body(), status, r.status());
        assertTrue(who + ": not problem+json: " + r.contentType() + " " + r.body(), r.isProblem());
    }

    private static String clusterId(String name) {
        Reply r = api.get("/api/clusters?q=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8), Auth.NONE);
        for (JsonNode c : r.json().path("items")) {
            if (c.path("name").asText().equals(name)) {
                return c.path("id").asText();
            }
        }
        throw new AssertionError("no cluster " + name + ": " + r.body());
    }

    private static String admin(String slug) {
        return "admin@" + slug + ".demo.danubia.eu";
    }

    private static Auth bearer(String adminEmail) {
        return ApiClient.bearer(api.login(adminEmail, DEMO_PASSWORD));
    }

    private static Auth bearer(String memberEmail, String slug) {
        return ApiClient.bearer(api.login(memberEmail, ApiClient.memberPassword(slug)));
    }

}
