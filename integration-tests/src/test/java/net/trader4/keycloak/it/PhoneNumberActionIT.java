package net.trader4.keycloak.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import net.trader4.keycloak.it.support.BrowserLogin;
import net.trader4.keycloak.it.support.Mailbox;
import net.trader4.keycloak.it.support.OtpLoginPages;
import net.trader4.keycloak.it.support.RequireChromium;
import net.trader4.keycloak.it.support.Screenshots;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.TwilioStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The required action "trader4 Verified phone number" in real headless Chromium: a user adds their
 * own number, proven by the code Twilio's real SDK inside Keycloak sent to the local stand-in of
 * Twilio's API, and only then does the number sign them in. Two tests are attacks on it.
 */
@ExtendWith(RequireChromium.class)
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class PhoneNumberActionIT {

    private static final String ACTION = "trader4-verified-phone-number";
    private static final String NUMBER_PAGE = "login-trader4-phone-number";
    private static final String CODE_PAGE = "login-trader4-phone-code";

    @RegisterExtension
    static final TwilioStandIn twilio = TwilioStandIn.forTestClass(Trader4ServerConfig.TWILIO_PORT);

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectOAuthClient
    OAuthClient oauth;

    OtpLoginPages pages;
    ApiClient api;

    @BeforeEach
    void setUp() {
        pages = BrowserLogin.fresh(browser, realm, oauth);
        // Proving a number and signing in with it moments later are two codes to one number.
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.resendCooldownSeconds", "0"));
        api = new ApiClient(realm.getBaseUrl());
    }

    @Test
    void aUserWhoEntersTheCodeSignsInByTheNumberAfterwards() {
        String userId = signInWithTheActionPending();
        pages.submitAndWait(typeNumber("+44 909 879 0000"));
        pages.waitForPage(NUMBER_PAGE);
        assertEquals("This is not a phone number that can receive codes. Write it with the country code, e.g. +44 7700 900123.",
                pages.fieldError("phoneNumber"), "a premium-rate number is refused on the page");

        String mobile = "+447910" + sixDigits();
        pages.submitAndWait(typeNumber(mobile));
        pages.waitForPage(CODE_PAGE);
        assertTrue(pages.sentToPlain().startsWith("We sent an SMS to +44 7"), pages.sentToPlain());
        assertNull(attribute(userId, "mobile_number"), "nothing is written before the code comes back");
        Screenshots.save(browser.driver(), "14-phone-code-en");

        pages.submitAndWait(typeCode(twilio.lastSmsCode(mobile)));
        pages.waitForRedirectTo(oauth.config().getRedirectUri());
        assertEquals(mobile, attribute(userId, "mobile_number"));

        assertEquals(200, api.sign(mobile).status());
        Answer signedIn = api.verify(mobile, twilio.lastSmsCode(mobile));
        assertEquals(200, signedIn.status(), signedIn.toString());
        assertEquals(userId, ApiClient.claims(signedIn.results().path("access_token").asText()).path("sub").asText(),
                "the number signs in to the account that proved it");
    }

    @Test
    void wrongCodesWriteNothingAndTheNumberRoutesNoSignIn() {
        String userId = signInWithTheActionPending();
        String mobile = "+447910" + sixDigits();
        pages.submitAndWait(typeNumber(mobile));
        pages.waitForPage(CODE_PAGE);
        String wrong = otherThan(twilio.lastSmsCode(mobile));

        for (int left = 4; left >= 1; left--) {
            pages.submitAndWait(typeCode(wrong));
            pages.waitForPage(CODE_PAGE);
            assertEquals("This code is not correct. " + left + (left == 1 ? " try" : " tries") + " left.", pages.fieldError("code"));
        }
        pages.submitAndWait(typeCode(wrong));
        pages.waitForPage(NUMBER_PAGE);
        assertEquals("Too many wrong codes. Enter your number again for a new code.", pages.alert());
        assertNull(attribute(userId, "mobile_number"), "wrong codes write nothing");

        int smsBefore = smsTo(mobile);
        Answer sign = api.sign(mobile);
        assertEquals(200, sign.status(), "the same answer as for any number: " + sign);
        assertEquals(smsBefore, smsTo(mobile), "no sign-in code goes to a number nobody proved");
        assertEquals(400, api.verify(mobile, twilio.lastSmsCode(mobile)).status(), "and the used-up code signs in nobody");
    }

    @Test
    void aNumberAnotherAccountSignsInWithIsRefusedAndStaysTheirs() {
        String victimNumber = "+447910" + sixDigits();
        String victim = TestUsers.newUserWith(realm, "mobile_number", victimNumber);
        String victimId = realm.admin().users().searchByUsername(victim, true).get(0).getId();

        String userId = signInWithTheActionPending();
        pages.submitAndWait(typeNumber(victimNumber));
        pages.waitForPage(CODE_PAGE);
        assertTrue(pages.sentToPlain().startsWith("We sent an SMS to +44 7"), "the same page as for any number");

        pages.submitAndWait(typeCode(twilio.lastSmsCode(victimNumber)));
        pages.waitForPage(NUMBER_PAGE);
        assertEquals("This number cannot be added to your account: it already signs in to another account.",
                pages.fieldError("phoneNumber"));
        Screenshots.save(browser.driver(), "15-phone-in-use-en");
        assertNull(attribute(userId, "mobile_number"));
        assertEquals(victimNumber, attribute(victimId, "mobile_number"));

        assertEquals(200, api.sign(victimNumber).status());
        Answer signedIn = api.verify(victimNumber, twilio.lastSmsCode(victimNumber));
        assertEquals(200, signedIn.status(), signedIn.toString());
        String subject = ApiClient.claims(signedIn.results().path("access_token").asText()).path("sub").asText();
        assertEquals(victimId, subject, "the number still signs in to its owner");
        assertNotEquals(userId, subject);
    }

    /** A fresh account with the action pending, signed in by the code mailed to it; its id. */
    private String signInWithTheActionPending() {
        String email = TestUsers.newEmailUser(realm);
        UserRepresentation user = TestUsers.byEmail(realm, email);
        user.setRequiredActions(List.of(ACTION));
        realm.admin().users().get(user.getId()).update(user);

        oauth.openLoginForm();
        int seen = Mailbox.messagesTo(mail, email).length;
        pages.sendCodeTo(email);
        pages.enterCode(Mailbox.codeSentTo(mail, email, seen));
        pages.waitForPage(NUMBER_PAGE);
        Screenshots.save(browser.driver(), "13-phone-number-en");
        return user.getId();
    }

    private WebElement typeNumber(String number) {
        pages.waitForPage(NUMBER_PAGE);
        WebElement field = browser.findElement(By.id("phoneNumber"));
        field.clear();
        field.sendKeys(number);
        return browser.findElement(By.id("kc-trader4-phone-send"));
    }

    private WebElement typeCode(String code) {
        pages.waitForPage(CODE_PAGE);
        WebElement field = browser.findElement(By.id("code"));
        field.clear();
        field.sendKeys(code);
        return browser.findElement(By.id("kc-trader4-phone-confirm"));
    }

    private String attribute(String userId, String name) {
        Map<String, List<String>> attributes = realm.admin().users().get(userId).toRepresentation().getAttributes();
        List<String> values = attributes == null ? null : attributes.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private int smsTo(String number) {
        return (int) twilio.requestsTo(TwilioStandIn.MESSAGES).stream().map(TwilioStandIn::form)
                .filter(form -> number.equals(form.get("To"))).count();
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private static String sixDigits() {
        return String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
