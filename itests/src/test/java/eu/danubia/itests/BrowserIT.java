package eu.danubia.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web shell in a real browser: the built distribution runs as its own process (as an operator
 * starts it) and headless Chromium logs in as a demo admin and opens the Directory. Screenshots
 * are kept in {@code target/screenshots/}.
 */
public class BrowserIT {

    private static final String DEMO_PASSWORD = "Browser-Demo-Pass-6612!";
    private static final Path RUN = Path.of("target/browser-run");
    private static final Path SHOTS = Path.of("target/screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static Process karaf;
    private static String base;
    private static WebDriver browser;

    @BeforeClass
    public static void startPlatformAndBrowser() throws Exception {
        boolean haveBrowser = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!haveBrowser && System.getenv("CI") == null) {
            Assume.assumeTrue("Chromium not installed (run .ci/browser.sh); browser tests skipped locally", false);
        }
        assertTrue("CI needs " + CHROMIUM + " and " + CHROMEDRIVER, haveBrowser);

        Path home = unpack(Path.of(System.getProperty("danubia.distribution"))).toAbsolutePath();
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        Files.writeString(home.resolve("etc/system.properties"), "\norg.osgi.service.http.port = " + port
                + "\ndanubia.admin.password = Browser-Admin-Pass-3390!\n", StandardOpenOption.APPEND);
        Files.writeString(home.resolve("etc/eu.danubia.demo.cfg"), "password = " + DEMO_PASSWORD + "\n");
        Files.writeString(home.resolve("etc/org.apache.karaf.shell.cfg"),
                Files.readString(home.resolve("etc/org.apache.karaf.shell.cfg")).replace("sshPort = 8101", "sshPort = " + freePort()));
        for (File f : home.resolve("bin").toFile().listFiles()) {
            f.setExecutable(true);
        }
        karaf = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(RUN.resolve("console.log").toFile())
                .start();
        awaitHealth(Duration.ofSeconds(150));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (karaf != null) {
            List<ProcessHandle> all = karaf.descendants().toList();
            karaf.destroy();
            all.forEach(ProcessHandle::destroy);
            if (!karaf.waitFor(30, TimeUnit.SECONDS)) {
                karaf.destroyForcibly();
            }
            all.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    public void demoAdminLogsInAndBrowsesTheDirectory() throws Exception {
        String slug = firstAssociationSlug();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get(base + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[data-contribution='directory']")));
        shot("01-home-anonymous");

        browser.get(base + "/#/login");
        WebElement email = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-email")));
        email.sendKeys("admin@" + slug + ".demo.danubia.eu");
        browser.findElement(By.id("login-password")).sendKeys("wrong-password-123");
        browser.findElement(By.id("login-submit")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertFalse(error.getText().isBlank());
        shot("02-login-error");

        browser.findElement(By.id("login-password")).clear();
        browser.findElement(By.id("login-password")).sendKeys(DEMO_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
        assertFalse(user.getText().isBlank());
        shot("03-home-logged-in");

        browser.findElement(By.cssSelector("a[data-contribution='directory']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#org-table tr[data-org-id]")));
        int rows = browser.findElements(By.cssSelector("#org-table tr[data-org-id]")).size();
        assertTrue("the directory lists demo organisations", rows > 0);
        shot("04-directory");

        browser.findElement(By.cssSelector("#org-table tr[data-org-id] a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("org-detail")));
        shot("05-organisation");

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("current-user")));
        assertEquals(401, status("/api/auth/me"));
    }

    private static void shot(String name) throws IOException {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String firstAssociationSlug() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/api/associations")).build(), HttpResponse.BodyHandlers.ofString());
        return DanubiaTestSupport.JSON.readTree(r.body()).get(0).path("slug").asText();
    }

    private static int status(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void awaitHealth(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!karaf.isAlive()) {
                throw new AssertionError("Karaf exited; see " + RUN.resolve("console.log"));
            }
            try {
                if (status("/api/health") == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new AssertionError("DanubIA did not become healthy within " + timeout);
    }

    private static Path unpack(Path zip) throws IOException {
        if (Files.exists(RUN)) {
            try (var walk = Files.walk(RUN)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(RUN);
        Path root = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                Path target = RUN.resolve(e.getName()).normalize();
                if (!target.startsWith(RUN)) {
                    throw new IOException("bad zip entry " + e.getName());
                }
                if (root == null) {
                    root = RUN.resolve(Path.of(e.getName()).getName(0));
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING); // copies this entry only
                }
            }
        }
        return root;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
