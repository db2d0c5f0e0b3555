package eu.danubia.itests;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web shell in a browser, as the flow tests use it: each step waits as a user would. */
final class ShellPage {

    private final WebDriver browser;
    private final WebDriverWait wait;
    private final String baseUrl;

    ShellPage(WebDriver browser, WebDriverWait wait, String baseUrl) {
        this.browser = browser;
        this.wait = wait;
        this.baseUrl = baseUrl;
    }

    /** Opens a route of the shell, e.g. {@code #/b2b/new}. */
    void go(String hash) {
        browser.get(baseUrl + "/" + hash);
    }

    WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** Replaces what a field holds (forms pre-fill some fields, e.g. the contact person). */
    void type(String id, CharSequence... text) {
        WebElement field = visible(id);
        field.clear();
        field.sendKeys(text);
    }

    void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    void login(String email, String password) {
        go("#/login");
        type("login-email", email);
        visible("login-password").sendKeys(password);
        click(By.id("login-submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
    }

    void logout() {
        click(By.id("logout"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("current-user")));
        // the shell goes home after it has reloaded the menu: going elsewhere before that would be overridden
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("home-login")));
    }
}
