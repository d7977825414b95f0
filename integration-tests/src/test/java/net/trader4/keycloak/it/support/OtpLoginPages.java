package net.trader4.keycloak.it.support;

import net.trader4.keycloak.testsupport.Waits;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Drives the pages of "trader4 OTP by identifier" the way a person does. */
public final class OtpLoginPages {

    public static final String IDENTIFIER_PAGE = "login-trader4-otp-identifier";
    public static final String CODE_PAGE = "login-trader4-otp-code";
    public static final String WALLET_PAGE = "login-trader4-otp-wallet";

    private final WebDriver driver;

    public OtpLoginPages(WebDriver driver) {
        this.driver = driver;
    }

    /** A wait for a state of the page; the bound is only a safety net. */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Waits.BOUND);
    }

    public String pageId() {
        return driver.findElement(By.tagName("body")).getAttribute("data-page-id");
    }

    /** Waits until the browser shows this page, loaded, its scripts run (the countdown, the wallet buttons). */
    public void waitForPage(String pageId) {
        waiting().withMessage(() -> "not on page " + pageId + " but at " + driver.getCurrentUrl()).until(d -> {
            try {
                return pageId.equals(d.findElement(By.tagName("body")).getAttribute("data-page-id"))
                        && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState;"));
            } catch (RuntimeException stale) {
                // the page changed under the driver (stale element, script during navigation): ask again
                return false;
            }
        });
    }

    /** Waits until Keycloak sent the browser back to the client at {@code redirectUri}. */
    public void waitForRedirectTo(String redirectUri) {
        waiting().withMessage(() -> "not sent back to " + redirectUri + " but at " + driver.getCurrentUrl())
                .until(d -> d.getCurrentUrl().startsWith(redirectUri));
    }

    public void sendCodeTo(String identifier) {
        waitForPage(IDENTIFIER_PAGE);
        type(By.id("identifier"), identifier);
        submitAndWait(driver.findElement(By.id("kc-trader4-otp-send")));
    }

    public void enterCode(String code) {
        waitForPage(CODE_PAGE);
        type(By.id("code"), code);
        submitAndWait(driver.findElement(By.id("kc-login")));
    }

    /** Pastes a wallet's signature and signs in with it. */
    public void enterSignature(String signature) {
        waitForPage(WALLET_PAGE);
        type(By.id("signature"), signature);
        submitAndWait(driver.findElement(By.id("kc-login")));
    }

    /** The message the wallet page asks to sign, as the text area holds it (newlines included). */
    public String walletMessage() {
        return driver.findElement(By.id("trader4-wallet-message")).getDomProperty("value");
    }

    public WebElement resendButton() {
        return driver.findElement(By.id("trader4-otp-resend"));
    }

    /**
     * Sends the resend form while the page's script still holds its button disabled, as a script-less
     * browser could: enabled and submitted in one script, so the countdown cannot disable it in between
     * and the server gets exactly the form's post ({@code resend=on}).
     */
    public void forceResend() {
        WebElement button = resendButton();
        submitAndWaitFor(() -> ((JavascriptExecutor) driver).executeScript(
                "const button = arguments[0]; button.disabled = false; button.form.requestSubmit(button);", button));
    }

    /** Asks for a new code as a person does: once the countdown has freed the button. */
    public void resend() {
        submitAndWait(resendButton());
    }

    public String fieldError(String field) {
        return driver.findElement(By.id("input-error-" + field)).getText();
    }

    public String alert() {
        return driver.findElement(By.className("kc-feedback-text")).getText();
    }

    public String sentTo() {
        return driver.findElement(By.id("trader4-otp-sent-to")).getText();
    }

    /** {@link #sentTo()} without the bidi isolates around the destination. */
    public String sentToPlain() {
        return sentTo().replaceAll("[\u2068\u2069]", "");
    }

    /** Clicks once the button can take a person's click (shown and enabled), and waits until the browser left the page. */
    public void submitAndWait(WebElement button) {
        waiting().until(ExpectedConditions.elementToBeClickable(button));
        submitAndWaitFor(button::click);
    }

    /** Runs what submits the page (a click, a script) and waits until the browser left the current document. */
    public void submitAndWaitFor(Runnable submit) {
        WebElement html = driver.findElement(By.tagName("html"));
        submit.run();
        waiting().until(ExpectedConditions.stalenessOf(html));
    }

    private void type(By by, String text) {
        WebElement field = driver.findElement(by);
        field.clear();
        field.sendKeys(text);
    }
}
