package eu.danubia.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web shell in a real browser: the built distribution runs as its own process (as an operator
 * starts it) and headless Chromium logs in as a demo admin and opens the Directory. Screenshots
 * are kept in {@code target/screenshots/}.
 */
public class BrowserIT {

    private static final String DEMO_PASSWORD = "Browser-Demo-Pass-6612!";

    private static DistributionProcess danubia;
    private static String base;
    private static WebDriver browser;

    @BeforeClass
    public static void startPlatformAndBrowser() throws Exception {
        browser = Browser.start();
        danubia = DistributionProcess.start("browser-run", "Browser-Admin-Pass-3390!",
                Map.of("eu.danubia.demo.cfg", "password = " + DEMO_PASSWORD));
        base = danubia.baseUrl();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (danubia != null) {
            danubia.close();
        }
    }

    @Test
    public void demoAdminLogsInAndBrowsesTheDirectory() throws Exception {
        String slug = firstAssociationSlug();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get(base + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[data-contribution='directory']")));
        Browser.shot(browser, "01-home-anonymous");

        browser.get(base + "/#/login");
        WebElement email = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-email")));
        email.sendKeys("admin@" + slug + ".demo.danubia.eu");
        browser.findElement(By.id("login-password")).sendKeys("wrong-password-123");
        browser.findElement(By.id("login-submit")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertFalse(error.getText().isBlank());
        Browser.shot(browser, "02-login-error");

        browser.findElement(By.id("login-password")).clear();
        browser.findElement(By.id("login-password")).sendKeys(DEMO_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
        assertFalse(user.getText().isBlank());
        Browser.shot(browser, "03-home-logged-in");

        browser.findElement(By.cssSelector("a[data-contribution='directory']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#org-table tr[data-org-id]")));
        int rows = browser.findElements(By.cssSelector("#org-table tr[data-org-id]")).size();
        assertTrue("the directory lists demo organisations", rows > 0);
        Browser.shot(browser, "04-directory");

        browser.findElement(By.cssSelector("#org-table tr[data-org-id] a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("org-detail")));
        Browser.shot(browser, "05-organisation");

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("current-user")));
        assertEquals(401, status("/api/auth/me"));
    }

    private static String firstAssociationSlug() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/api/associations")).build(), HttpResponse.BodyHandlers.ofString());
        return DanubiaTestSupport.JSON.readTree(r.body()).get(0).path("slug").asText();
    }

    private static int status(String path) throws Exception {
        return danubia.status(path);
    }
}
