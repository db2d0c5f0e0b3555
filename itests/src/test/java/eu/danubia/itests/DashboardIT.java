package eu.danubia.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The indicator dashboards as their users see them, against the built distribution running as a process with its
 * demo data: headless Chromium opens the public region map and a cluster dashboard (screenshots in
 * {@code target/screenshots/dashboard-*.png}); a new financial year of a member company imported through the ANAF
 * connector changes the cluster's figures in the API and on the open dashboard within 5 seconds, without a restart;
 * and a company's own figures stay with the company, its association and the platform admins.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DashboardIT {

    private static final String DEMO_PASSWORD = "Dash-Demo-Pass-4471!";
    private static final String ADMIN_PASSWORD = "Dash-Admin-Pass-9034!";
    private static final String CONSOLE_USER = "dashtest";
    private static final String CONSOLE_PASSWORD = "Dash-Console-Pass-2718!";
    private static final String RO = "somes-clusters";
    private static final String HU = "pannon-innovation";
    /** Codeflow Systems SRL, a member of the Someș Digital Cluster; its demo statements end with 2023. */
    private static final String CODEFLOW_CUI = "188421041";
    private static final long TURNOVER_2024_RON = 12_437_000;
    private static final int EMPLOYEES_2024 = 61;
    /** BNR's 2024 average rate, as the ro-anaf connector converts. */
    private static final BigDecimal RON_PER_EUR_2024 = new BigDecimal("4.9746");

    private static DistributionProcess danubia;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static ShellPage page;
    private static ApiClient api;
    private static String clusterId;
    private static String codeflowId;
    private static final List<String> figures = new ArrayList<>();

    @Rule
    public final TestWatcher keepScreenOnFailure = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description d) {
            try {
                Browser.shot(browser, "dashboard-failure-" + d.getMethodName());
                Files.writeString(Path.of("target/screenshots/dashboard-failure-" + d.getMethodName() + ".html"),
                        browser.getPageSource());
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
        danubia = DistributionProcess.start("dashboard-run", ADMIN_PASSWORD, Map.of(
                "eu.danubia.demo.cfg", "password = " + DEMO_PASSWORD,
                "users.properties", CONSOLE_USER + " = " + CONSOLE_PASSWORD + ",_g_:admingroup\n"
                        + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh"));
        api = new ApiClient(danubia.baseUrl());
        page = new ShellPage(browser, wait, danubia.baseUrl());
        clusterId = api.get("/api/clusters?q=" + enc("Someș Digital Cluster"), Auth.NONE).json()
                .path("items").get(0).path("id").asText();
        codeflowId = api.get("/api/organisations?q=Codeflow", Auth.NONE).json().path("items").get(0).path("id").asText();
        // the demo writes its financial statements after the rest of its data, and the indicators take them in
        // in the background: wait for the demo's log line, then until the indicators' version has not moved for 4 s
        long t = System.nanoTime();
        await("the demo's financial statements", Duration.ofSeconds(180), () -> logContains("Demo financial data"));
        long[] last = {-1, System.nanoTime()};
        await("the indicators to take in the demo's statements", Duration.ofSeconds(180), () -> {
            long v = api.get("/api/indicators/version", Auth.NONE).json().path("version").asLong();
            if (v != last[0]) {
                last[0] = v;
                last[1] = System.nanoTime();
            }
            return v > 0 && System.nanoTime() - last[1] > 4_000_000_000L;
        });
        figures.add(String.format(Locale.ROOT, "demo statements in the indicators (version %d) %.1f s after the platform was healthy",
                last[0], (last[1] - t) / 1e9));
        assertEquals("the cluster's demo years", 5, clusterSeries(roAdmin()).size());
    }

    @AfterClass
    public static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (danubia != null) {
            danubia.close();
        }
        System.out.println("DashboardIT figures:\n  " + String.join("\n  ", figures));
    }

    @Test
    public void a_anonymousVisitorSeesTheRegionMapColoured() throws Exception {
        browser.get(danubia.baseUrl() + "/#/dashboards");
        WebElement map = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dash-map")));
        wait.until(d -> intAttribute(map, "data-coloured") > 0);
        int coloured = intAttribute(map, "data-coloured");
        long paths = (Long) js("return document.querySelectorAll('#dash-map svg path').length;");
        long filled = (Long) js("""
                const fills = new Set();
                let n = 0;
                for (const p of document.querySelectorAll('#dash-map svg path')) {
                  const f = p.getAttribute('fill');
                  if (f && f !== 'none' && !f.startsWith('url')) { fills.add(f); n++; }
                }
                return fills.size;""");
        figures.add("region map: " + coloured + " regions with a value, " + paths + " SVG paths, " + filled + " distinct fills");
        // the Danube region has 346 NUTS 3 regions (Germany: Baden-Württemberg and Bavaria only) + UA, MD, BA
        assertTrue("the NUTS 3 map of the Danube region is drawn: " + paths + " paths", paths >= 346 + 3);
        assertTrue("the regions of the demo data have a value: " + coloured, coloured > 300);
        assertTrue("the regions are coloured by value, not one colour: " + filled, filled > 5);
        Browser.shot(browser, "dashboard-01-region-map");

        JsonNode regions = api.get("/api/indicators/regions?level=3", Auth.NONE).json();
        assertEquals("the map shows what the API answers", countWithValue(regions.path("regions")), coloured);
        assertTrue("countries without NUTS are there at country level",
                regions.path("regions").findValuesAsText("code").containsAll(List.of("UA", "MD")));
    }

    @Test
    public void b_clusterDashboardChartsHaveData() throws Exception {
        page.login("admin@" + RO + ".demo.danubia.eu", DEMO_PASSWORD);
        browser.get(danubia.baseUrl() + "/#/dashboards/cluster/" + clusterId);
        for (String chart : List.of("dash-cluster-employees-chart", "dash-cluster-turnover-chart", "dash-cluster-productivity-chart",
                "dash-cluster-by-type-chart", "dash-cluster-by-country-chart")) {
            WebElement c = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(chart)));
            wait.until(d -> intAttribute(c, "data-points") > 0);
        }
        List<WebElement> charts = browser.findElements(By.cssSelector(".dash-chart"));
        figures.add("cluster dashboard: " + charts.size() + " charts, data points "
                + charts.stream().map(c -> c.getAttribute("id") + "=" + c.getAttribute("data-points")).toList());
        long drawn = (Long) js("return document.querySelectorAll('.dash-chart svg path').length;");
        assertTrue("the charts are drawn", drawn > 10);
        assertFalse("the members table is shown to the association's admin",
                browser.findElements(By.cssSelector(".dash-table")).isEmpty());
        Browser.shot(browser, "dashboard-02-cluster");
    }

    @Test
    public void c_aNewFinancialYearImportedThroughTheConnectorReachesTheDashboardWithinFiveSeconds() throws Exception {
        Auth admin = roAdmin();
        JsonNode before = clusterSeries(admin);
        assertFalse("no 2024 figures before the import: " + before, years(before).contains(2024));
        browser.get(danubia.baseUrl() + "/#/dashboards/cluster/" + clusterId);
        wait.until(d -> intAttribute(d.findElement(By.id("dash-cluster-stats")), "data-latest-year") == 2023);

        Path statement = danubia.home().getParent().resolve("anaf-" + CODEFLOW_CUI + "-2024.json");
        Files.writeString(statement, anafAnswer());
        try (KarafConsole console = KarafConsole.open(danubia.home(), sshPort(), CONSOLE_USER, CONSOLE_PASSWORD, line -> { })) {
            console.send("feature:install danubia-connector-ro-anaf");
            await("the ro-anaf routes", Duration.ofSeconds(90), () -> logContains("ro-anaf-ingest"));
            long t0 = System.nanoTime();
            console.send("danubia:import ro-anaf " + statement);

            await("2024 in the cluster's figures from the API", Duration.ofSeconds(5), () -> years(clusterSeries(admin)).contains(2024));
            double apiSeconds = (System.nanoTime() - t0) / 1e9;
            wait.withTimeout(Duration.ofSeconds(5)).until(d -> intAttribute(d.findElement(By.id("dash-cluster-stats")), "data-latest-year") == 2024);
            double pageSeconds = (System.nanoTime() - t0) / 1e9;
            figures.add(String.format(Locale.ROOT, "import → API shows 2024: %.2f s; → open dashboard shows 2024: %.2f s",
                    apiSeconds, pageSeconds));
            assertTrue("the open dashboard updated within 5 s of the import: " + pageSeconds, pageSeconds <= 5.0);
            Browser.shot(browser, "dashboard-03-cluster-after-import");
        }

        JsonNode y2024 = null;
        for (JsonNode row : clusterSeries(admin)) {
            if (row.path("year").asInt() == 2024) {
                y2024 = row;
            }
        }
        assertEquals("only Codeflow reported 2024", 1, y2024.path("companies").asInt());
        assertEquals(EMPLOYEES_2024, y2024.path("employees").asInt());
        BigDecimal eur = BigDecimal.valueOf(TURNOVER_2024_RON).divide(RON_PER_EUR_2024, 2, RoundingMode.HALF_UP);
        assertEquals("turnover converted with BNR's 2024 rate", eur.doubleValue(), y2024.path("turnoverEur").asDouble(), 1.0);

        JsonNode company = api.get("/api/indicators/companies/" + codeflowId, admin).json();
        JsonNode last = company.path("series").get(company.path("series").size() - 1);
        assertEquals(2024, last.path("year").asInt());
        assertTrue("the 2024 growth is computed against 2023: " + last, last.hasNonNull("turnoverGrowth"));
    }

    @Test
    public void d_aCompanysOwnFiguresStayWithTheCompanyItsAssociationAndPlatformAdmins() {
        String path = "/api/indicators/companies/" + codeflowId;
        assertEquals(200, api.get(path, roAdmin()).status());
        assertEquals(200, api.get(path, ApiClient.bearer(api.login("admin@danubia.local", ADMIN_PASSWORD))).status());

        Reply anonymous = api.get(path, Auth.NONE);
        assertEquals(404, anonymous.status());
        assertTrue(anonymous.isProblem());
        Auth huAdmin = ApiClient.bearer(api.login("admin@" + HU + ".demo.danubia.eu", DEMO_PASSWORD));
        Reply other = api.get(path, huAdmin);
        assertEquals("another association's admin", 404, other.status());
        assertTrue(other.isProblem());
        String huMember = api.createMember(HU, DEMO_PASSWORD, "dash-hu");
        assertEquals("another association's member", 404,
                api.get(path, ApiClient.bearer(api.login(huMember, ApiClient.memberPassword(HU)))).status());
        String roMember = api.createMember(RO, DEMO_PASSWORD, "dash-ro");
        Auth roMemberAuth = ApiClient.bearer(api.login(roMember, ApiClient.memberPassword(RO)));
        String roMemberOrg = api.get("/api/auth/me", roMemberAuth).json().path("user").path("organisationId").asText();
        if (!roMemberOrg.equals(codeflowId)) {
            assertEquals("a member of the same association acting for another company", 404, api.get(path, roMemberAuth).status());
        }
        assertEquals("a member sees its own company", 200, api.get("/api/indicators/companies/" + roMemberOrg, roMemberAuth).status());

        // the cluster's public dashboard: aggregates for everyone, no company rows
        JsonNode publicView = api.get("/api/indicators/clusters/" + clusterId, Auth.NONE).json();
        assertTrue("no member figures for anonymous visitors: " + publicView.path("members"), publicView.path("members").isNull());
        assertTrue(api.get("/api/indicators/clusters/" + clusterId, huAdmin).json().path("members").isNull());
        assertTrue(api.get("/api/indicators/clusters/" + clusterId, roAdmin()).json().path("members").isArray());
        Reply bad = api.get("/api/indicators/regions?level=7", Auth.NONE);
        assertEquals(400, bad.status());
        assertTrue(bad.isProblem());
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static String anafAnswer() {
        return """
                {"an": 2024, "cui": "%s", "deni": "CODEFLOW SYSTEMS SRL", "caen": "6201",
                 "den_caen": "Activitati de realizare a soft-ului la comanda", "i": [
                  {"indicator": "I1", "val_indicator": 1850000, "val_den_indicator": "ACTIVE IMOBILIZATE - TOTAL"},
                  {"indicator": "I2", "val_indicator": 4210000, "val_den_indicator": "ACTIVE CIRCULANTE - TOTAL, din care:"},
                  {"indicator": "I10", "val_indicator": 3900000, "val_den_indicator": "CAPITALURI - TOTAL, din care:"},
                  {"indicator": "I13", "val_indicator": %d, "val_den_indicator": "Cifra de afaceri netă"},
                  {"indicator": "I18", "val_indicator": 1320000, "val_den_indicator": "Profit net"},
                  {"indicator": "I19", "val_indicator": 0, "val_den_indicator": "Pierdere neta"},
                  {"indicator": "I20", "val_indicator": %d, "val_den_indicator": "Numar mediu de salariati"}]}
                """.formatted(CODEFLOW_CUI, TURNOVER_2024_RON, EMPLOYEES_2024);
    }

    private static Auth roAdmin() {
        return ApiClient.bearer(api.login("admin@" + RO + ".demo.danubia.eu", DEMO_PASSWORD));
    }

    private static JsonNode clusterSeries(Auth auth) {
        Reply r = api.get("/api/indicators/clusters/" + clusterId, auth);
        assertEquals(r.body(), 200, r.status());
        return r.json().path("series");
    }

    private static List<Integer> years(JsonNode series) {
        List<Integer> years = new ArrayList<>();
        series.forEach(row -> years.add(row.path("year").asInt()));
        return years;
    }

    private static int countWithValue(JsonNode regions) {
        int n = 0;
        for (JsonNode r : regions) {
            if (r.path("nuts").asBoolean() && r.hasNonNull("employees")) {
                n++;
            }
        }
        return n;
    }


    private static int intAttribute(WebElement e, String name) {
        String v = e.getAttribute(name);
        return v == null || v.isBlank() ? -1 : Integer.parseInt(v.trim());
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static boolean logContains(String text) {
        try {
            return Files.readString(danubia.home().resolve("data/log/karaf.log")).contains(text);
        } catch (IOException e) {
            return false;
        }
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
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
