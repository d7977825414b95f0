package net.trader4.keycloak.it;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import net.trader4.keycloak.it.support.BrowserLogin;
import net.trader4.keycloak.it.support.Mailbox;
import net.trader4.keycloak.it.support.OtpLoginPages;
import net.trader4.keycloak.it.support.RequireChromium;
import net.trader4.keycloak.it.support.Screenshots;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.Waits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;
import org.keycloak.testsuite.util.oauth.PkceGenerator;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.FluentWait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keycloak's browser login with "trader4 OTP by identifier" in real headless Chromium: the demo
 * realm's browser flow, the trader4 theme, codes mailed through a real SMTP server.
 */
@ExtendWith(RequireChromium.class)
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class BrowserOtpIT {

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectOAuthClient
    OAuthClient oauth;

    OtpLoginPages pages;

    @BeforeEach
    void freshBrowser() {
        pages = BrowserLogin.fresh(browser, realm, oauth);
    }

    @Test
    void signsInThroughTheAuthorizationCodeFlowWithPkce() throws Exception {
        String email = TestUsers.newEmailUser(realm);
        PkceGenerator pkce = PkceGenerator.s256();
        oauth.loginForm().codeChallenge(pkce).open();
        pages.waitForPage(OtpLoginPages.IDENTIFIER_PAGE);
        assertEquals("username", browser.findElement(By.id("identifier")).getAttribute("autocomplete"));
        assertEquals("identifier", browser.findElement(By.cssSelector("label[for=identifier]")).getAttribute("for"));
        Screenshots.save(browser.driver(), "01-identifier-en");

        int seen = Mailbox.messagesTo(mail, email).length;
        pages.sendCodeTo(email.toUpperCase());
        pages.waitForPage(OtpLoginPages.CODE_PAGE);
        String masked = email.charAt(0) + "•";
        assertTrue(pages.sentTo().contains(masked), pages.sentTo());
        assertFalse(pages.sentTo().contains(email), "the page shows the address masked");
        assertEquals("one-time-code", browser.findElement(By.id("code")).getAttribute("autocomplete"));
        assertEquals("numeric", browser.findElement(By.id("code")).getAttribute("inputmode"));
        Screenshots.save(browser.driver(), "02-code-en");

        pages.enterCode(Mailbox.codeSentTo(mail, email, seen));
        pages.waitForRedirectTo(oauth.config().getRedirectUri());
        AuthorizationEndpointResponse authorization = oauth.parseLoginResponse();
        assertNotNull(authorization.getCode(), browser.getCurrentUrl());

        AccessTokenResponse tokens = oauth.accessTokenRequest(authorization.getCode()).codeVerifier(pkce).send();
        assertEquals(200, tokens.getStatusCode(), tokens.getError() + ": " + tokens.getErrorDescription());
        JsonNode claims = ApiClient.claims(tokens.getAccessToken());
        assertEquals(email, claims.path("email").asText());
        assertEquals("test-app", claims.path("azp").asText());
        assertNotNull(tokens.getIdToken());
        assertNotNull(tokens.getRefreshToken());
    }

    @Test
    void wrongCodeSaysSoWithTheTriesLeft() {
        String email = TestUsers.newEmailUser(realm);
        oauth.openLoginForm();
        int seen = Mailbox.messagesTo(mail, email).length;
        pages.sendCodeTo(email);
        String code = Mailbox.codeSentTo(mail, email, seen);

        pages.enterCode(wrong(code));
        pages.waitForPage(OtpLoginPages.CODE_PAGE);
        assertEquals("This code is not correct. 4 tries left.", pages.fieldError("code"));
        assertEquals("true", browser.findElement(By.id("code")).getAttribute("aria-invalid"));
        Screenshots.save(browser.driver(), "03-wrong-code-en");

        pages.enterCode(code);
        pages.waitForRedirectTo(oauth.config().getRedirectUri());
        assertNotNull(oauth.parseLoginResponse().getCode(), "the right code still works after a wrong one");
    }

    @Test
    void resendWaitsForTheCooldownThenSendsANewCode() {
        // Far longer than a loaded machine can take from sending the code to the forced resend.
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.resendCooldownSeconds", "600"));
        String email = TestUsers.newEmailUser(realm);
        oauth.openLoginForm();
        int seen = Mailbox.messagesTo(mail, email).length;
        pages.sendCodeTo(email);
        pages.waitForPage(OtpLoginPages.CODE_PAGE);
        Mailbox.codeSentTo(mail, email, seen);

        assertFalse(pages.resendButton().isEnabled(), "the page's script holds the button during the cooldown");
        assertTrue(pages.resendButton().getText().matches("Send a new code in \\d+ s"), pages.resendButton().getText());
        Screenshots.save(browser.driver(), "04-resend-cooldown-en");

        pages.forceResend();
        pages.waitForPage(OtpLoginPages.CODE_PAGE);
        assertTrue(pages.alert().matches("You can ask for a new code in \\d+ seconds\\."), pages.alert());
        assertEquals(seen + 1, Mailbox.messagesTo(mail, email).length, "no second code inside the cooldown");

        // With a short cooldown the button frees itself and a second code replaces the first.
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.resendCooldownSeconds", "2"));
        String other = TestUsers.newEmailUser(realm);
        pages.submitAndWait(browser.findElement(By.id("trader4-otp-another")));
        int otherSeen = Mailbox.messagesTo(mail, other).length;
        pages.sendCodeTo(other);
        pages.waitForPage(OtpLoginPages.CODE_PAGE);
        Mailbox.codeSentTo(mail, other, otherSeen);
        pages.waiting().until(d -> pages.resendButton().isEnabled());
        assertEquals("Send a new code", pages.resendButton().getText());
        pages.resend();
        pages.waitForPage(OtpLoginPages.CODE_PAGE);
        assertTrue(pages.alert().startsWith("A new code is on its way"), pages.alert());
        String second = Mailbox.codeSentTo(mail, other, otherSeen + 1);
        pages.enterCode(second);
        pages.waitForRedirectTo(oauth.config().getRedirectUri());
        assertNotNull(oauth.parseLoginResponse().getCode());
    }

    @Test
    void bruteForceDetectionLocksTheAccountOut() {
        realm.updateWithCleanup(r -> r.bruteForceProtected(true).failureFactor(3));
        String email = TestUsers.newEmailUser(realm);
        String userId = TestUsers.byEmail(realm, email).getId();
        try {
            oauth.openLoginForm();
            int seen = Mailbox.messagesTo(mail, email).length;
            pages.sendCodeTo(email);
            String code = Mailbox.codeSentTo(mail, email, seen);
            for (int i = 0; i < 3; i++) {
                pages.enterCode(wrong(code));
                pages.waitForPage(OtpLoginPages.CODE_PAGE);
            }
            Map<String, Object> status = awaitLocked(userId);
            assertEquals(Boolean.TRUE, status.get("disabled"), status.toString());

            pages.enterCode(code);
            pages.waitForPage(OtpLoginPages.CODE_PAGE);
            assertEquals("This code is not correct. 1 try left.", pages.fieldError("code"),
                    "the page a wrong guess at any identifier gets, even for the right code: nothing tells the lock");
            Screenshots.save(browser.driver(), "05-locked-en");
            assertFalse(browser.getCurrentUrl().contains("/callback/oauth"));
        } finally {
            realm.admin().attackDetection().clearBruteForceForUser(userId);
        }
    }

    @Test
    void persianPagesReadRightToLeft() {
        String email = TestUsers.newEmailUser(realm);
        oauth.loginForm().uiLocales("fa").open();
        pages.waitForPage(OtpLoginPages.IDENTIFIER_PAGE);
        WebDriver driver = browser.driver();
        assertEquals("rtl", driver.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("fa", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("ورود با کد یک‌بارمصرف", driver.findElement(By.id("kc-page-title")).getText());
        Screenshots.save(driver, "06-identifier-fa");

        int seen = Mailbox.messagesTo(mail, email).length;
        pages.sendCodeTo(email);
        pages.waitForPage(OtpLoginPages.CODE_PAGE);
        assertEquals("rtl", driver.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("ltr", driver.findElement(By.id("code")).getCssValue("direction"), "codes read left to right");
        Mailbox.codeSentTo(mail, email, seen);
        Screenshots.save(driver, "07-code-fa");
    }

    @Test
    void usernameAndPasswordRemainAnotherWay() {
        oauth.openLoginForm();
        pages.waitForPage(OtpLoginPages.IDENTIFIER_PAGE);
        pages.submitAndWait(browser.findElement(By.id("try-another-way")));
        pages.waitForPage("login-select-authenticator");
        String choices = browser.findElement(By.tagName("main")).getText();
        assertTrue(choices.contains("Email or phone code"), choices);
        assertTrue(choices.contains("Username and password"), choices);
        Screenshots.save(browser.driver(), "08-try-another-way-en");
    }

    /** Keycloak's brute-force detector counts failures in the background: waits for the lock. */
    private Map<String, Object> awaitLocked(String userId) {
        return new FluentWait<>(realm.admin().attackDetection()).withTimeout(Waits.BOUND).pollingEvery(Duration.ofMillis(200))
                .withMessage(() -> "brute-force detection did not lock the account out")
                .until(detection -> {
                    Map<String, Object> status = detection.bruteForceUserStatus(userId);
                    return Boolean.TRUE.equals(status.get("disabled")) ? status : null;
                });
    }

    private static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }
}
