package eu.danubia.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * The B2B flow as people do it, in headless Chromium against the running distribution, with a
 * real SMTP server (GreenMail) receiving the notification e-mails: SME A (RO) drafts and submits a
 * Technology Offer, RO's admin approves it, SME B (HU) finds it by keyword and expresses interest,
 * A accepts, and B then sees A's organisation and contact.
 */
public class B2bFlowIT {

    private static final String DEMO_PASSWORD = "Flow-Demo-Pass-2207!";
    private static final String RO = "somes-clusters";
    private static final String HU = "pannon-innovation";
    private static final String TITLE = "Inline laser moisture sensor for sawmills";
    private static final String CONTACT = "ana.pop@sme-a.example.ro";

    private static GreenMail smtp;
    private static DistributionProcess danubia;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static ShellPage page;
    private static ApiClient api;

    /** On failure, keeps what the browser showed: a screenshot and the page's DOM. */
    @Rule
    public final TestWatcher keepScreenOnFailure = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description d) {
            try {
                Browser.shot(browser, "b2b-failure");
                java.nio.file.Files.writeString(java.nio.file.Path.of("target/screenshots/b2b-failure.html"), browser.getPageSource());
            } catch (Exception ignored) {
                // the failure itself is what matters
            }
        }
    };

    @BeforeClass
    public static void start() throws Exception {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // pages re-render after each action: look elements up again instead of failing on stale ones
        wait.ignoring(StaleElementReferenceException.class);
        smtp = new GreenMail(new ServerSetup(DistributionProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        danubia = DistributionProcess.start("b2b-flow-run", "Flow-Admin-Pass-5531!", Map.of(
                "eu.danubia.demo.cfg", "password = " + DEMO_PASSWORD,
                "eu.danubia.notify.cfg", "smtpHost = 127.0.0.1\nsmtpPort = " + smtp.getSmtp().getPort()
                        + "\ntls = NONE\nfrom = DanubIA <noreply@danubia.test>\npublicUrl = " + "http://danubia.test"));
        api = new ApiClient(danubia.baseUrl());
        page = new ShellPage(browser, wait, danubia.baseUrl());
    }

    @AfterClass
    public static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (danubia != null) {
            danubia.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    public void technologyOfferFromDraftToRevealedContact() throws Exception {
        String smeA = api.createMember(RO, DEMO_PASSWORD, "sme-a-");
        String smeB = api.createMember(HU, DEMO_PASSWORD, "sme-b-");

        // SME A drafts and submits a Technology Offer
        page.login(smeA, ApiClient.memberPassword(RO));
        page.go("#/b2b/new");
        new Select(page.visible("b2b-type")).selectByValue("TECHNOLOGY_OFFER");
        page.type("b2b-title", TITLE);
        page.type("b2b-summary", "Laser-based inline sensor that measures wood moisture at line speed.");
        page.type("b2b-description", "A Romanian SME offers a patented inline moisture sensor for sawmills.");
        new Select(page.visible("b2b-stage")).selectByValue("PROTOTYPE");
        page.type("b2b-technologyKeywords", "laser, moisture sensor");
        page.type("b2b-contactName", "Ana Pop");
        page.type("b2b-contactEmail", CONTACT);
        page.click(By.id("b2b-save"));
        WebElement profile = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("b2b-profile")));
        String id = profile.getAttribute("data-profile-id");
        page.click(By.id("b2b-submit"));
        wait.until(ExpectedConditions.attributeToBe(By.id("b2b-profile-status"), "data-status", "SUBMITTED"));
        Browser.shot(browser, "b2b-01-submitted");
        logout();

        // RO's association admin approves it
        page.login("admin@" + RO + ".demo.danubia.eu", DEMO_PASSWORD);
        page.go("#/b2b/moderation");
        page.click(By.cssSelector("button[data-approve='" + id + "']"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button[data-approve='" + id + "']")));
        logout();

        // SME B finds it by keyword and expresses interest; the owner stays anonymous
        page.login(smeB, ApiClient.memberPassword(HU));
        page.go("#/b2b");
        page.type("b2b-q", "moisture", Keys.ENTER);
        page.click(By.cssSelector("[data-profile-id='" + id + "'] .b2b-card-title a"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("b2b-profile")));
        assertTrue("anonymous before acceptance", browser.findElements(By.id("b2b-owner")).isEmpty());
        assertTrue(!browser.getPageSource().contains(CONTACT));
        page.visible("b2b-eoi-message").sendKeys("We run three sawmills in Pest county and want a licence.");
        page.click(By.id("b2b-eoi-send"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("b2b-eoi-sent")));
        Browser.shot(browser, "b2b-02-interest-sent");
        logout();

        // SME A accepts
        page.login(smeA, ApiClient.memberPassword(RO));
        page.go("#/b2b/interests");
        page.click(By.cssSelector("button[data-accept]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".b2b-counterpart")));
        Browser.shot(browser, "b2b-03-accepted");
        logout();

        // SME B now sees A's organisation and contact
        page.login(smeB, ApiClient.memberPassword(HU));
        page.go("#/b2b/profiles/" + id);
        WebElement owner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("b2b-owner")));
        assertTrue(owner.getText(), owner.getText().contains(CONTACT));
        Browser.shot(browser, "b2b-04-profile-revealed");

        // the e-mails arrived at the SMTP server, to the right people, about the right profile
        assertTrue("three notification e-mails", smtp.waitForIncomingEmail(30_000, 3));
        List<MimeMessage> mails = Arrays.asList(smtp.getReceivedMessages());
        assertMail(mails, smeA, "approved");
        assertMail(mails, smeA, "interest");
        assertMail(mails, smeB, "accepted");
    }

    @Test
    public void returnedProfilesAndDeclinedInterestsAreMailedToo() throws Exception {
        String smeA = api.createMember(RO, DEMO_PASSWORD, "sme-c-");
        String smeB = api.createMember(HU, DEMO_PASSWORD, "sme-d-");
        Auth a = ApiClient.bearer(api.login(smeA, ApiClient.memberPassword(RO)));
        Auth b = ApiClient.bearer(api.login(smeB, ApiClient.memberPassword(HU)));
        Auth adminRo = ApiClient.bearer(api.login("admin@" + RO + ".demo.danubia.eu", DEMO_PASSWORD));
        int before = smtp.getReceivedMessages().length;

        String returned = api.send("POST", "/api/b2b/profiles", a, offer("Wood drying kiln controller")).json().path("id").asText();
        assertEquals(200, api.send("POST", "/api/b2b/profiles/" + returned + "/submit", a, null).status());
        assertEquals(200, api.send("POST", "/api/b2b/profiles/" + returned + "/return", adminRo,
                Map.of("comment", "Please describe the market.")).status());

        String declined = api.send("POST", "/api/b2b/profiles", a, offer("Sawdust briquetting line")).json().path("id").asText();
        assertEquals(200, api.send("POST", "/api/b2b/profiles/" + declined + "/submit", a, null).status());
        assertEquals(200, api.send("POST", "/api/b2b/profiles/" + declined + "/approve", adminRo, null).status());
        String interest = api.send("POST", "/api/b2b/profiles/" + declined + "/interests", b, Map.of("message", "Interested"))
                .json().path("id").asText();
        assertEquals(200, api.send("POST", "/api/b2b/interests/" + interest + "/decline", a, null).status());

        // returned, approved, interest received, declined
        assertTrue(smtp.waitForIncomingEmail(30_000, before + 4));
        List<MimeMessage> mails = Arrays.asList(smtp.getReceivedMessages());
        assertMail(mails, smeA, "returned", "Wood drying kiln controller");
        assertMail(mails, smeB, "declined", "Sawdust briquetting line");
        for (MimeMessage m : mails.subList(before, mails.size())) {
            assertTrue("no contact details before acceptance", !String.valueOf(m.getContent()).contains(CONTACT));
        }
    }

    private static Map<String, Object> offer(String title) {
        return Map.of("type", "BUSINESS_OFFER", "title", title, "summary", "Offer from a Romanian SME.",
                "description", "Equipment for the wood industry.", "contactName", "Ana Pop", "contactEmail", CONTACT);
    }

    private static void assertMail(List<MimeMessage> mails, String to, String subjectWord) throws Exception {
        assertMail(mails, to, subjectWord, TITLE);
    }

    private static void assertMail(List<MimeMessage> mails, String to, String subjectWord, String title) throws Exception {
        for (MimeMessage m : mails) {
            boolean recipient = Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(to));
            if (recipient && m.getSubject().toLowerCase().contains(subjectWord) && m.getSubject().contains(title)) {
                return;
            }
        }
        StringBuilder got = new StringBuilder();
        for (MimeMessage m : mails) {
            got.append(Arrays.toString(m.getRecipients(Message.RecipientType.TO))).append(": ").append(m.getSubject()).append('\n');
        }
        throw new AssertionError("no mail to " + to + " with '" + subjectWord + "' and the title; got:\n" + got);
    }

    private static void logout() {
        page.logout();
        assertEquals(401, api.get("/api/auth/me", Auth.NONE).status());
    }

}
