package net.trader4.keycloak.it.support;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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

    public String pageId() {
        return driver.findElement(By.tagName("body")).getAttribute("data-page-id");
    }

    public void waitForPage(String pageId) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            try {
                return pageId.equals(d.findElement(By.tagName("body")).getAttribute("data-page-id"));
            } catch (RuntimeException stale) {
                return false;
            }
        });
    }

    public void sendCodeTo(String identifier) {
        waitForPage(IDENTIFIER_PAGE);
        WebElement field = driver.findElement(By.id("identifier"));
        field.clear();
        field.sendKeys(identifier);
        submitAndWait(driver.findElement(By.id("kc-trader4-otp-send")));
    }

    public void enterCode(String code) {
        WebElement field = driver.findElement(By.id("code"));
        field.clear();
        field.sendKeys(code);
        submitAndWait(driver.findElement(By.id("kc-login")));
    }

    /** Pastes a wallet's signature and signs in with it. */
    public void enterSignature(String signature) {
        WebElement field = driver.findElement(By.id("signature"));
        field.clear();
        field.sendKeys(signature);
        submitAndWait(driver.findElement(By.id("kc-login")));
    }

    /** The message the wallet page asks to sign, as the text area holds it (newlines included). */
    public String walletMessage() {
        return driver.findElement(By.id("trader4-wallet-message")).getDomProperty("value");
    }

    public WebElement resendButton() {
        return driver.findElement(By.id("trader4-otp-resend"));
    }

    /** Clicks resend even while the page's script keeps it disabled, as a script-less browser could. */
    public void forceResend() {
        WebElement button = resendButton();
        ((JavascriptExecutor) driver).executeScript("arguments[0].disabled = false;", button);
        submitAndWait(button);
    }

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

    /** Clicks and waits until the browser left the current document. */
    public void submitAndWait(WebElement button) {
        submitAndWaitFor(button::click);
    }

    /** Runs what submits the page (a click, a script) and waits until the browser left the current document. */
    public void submitAndWaitFor(Runnable submit) {
        WebElement html = driver.findElement(By.tagName("html"));
        submit.run();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            try {
                html.isDisplayed();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            }
        });
    }
}
