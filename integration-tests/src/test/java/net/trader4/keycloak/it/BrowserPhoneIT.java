package net.trader4.keycloak.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.trader4.keycloak.it.support.BrowserLogin;
import net.trader4.keycloak.it.support.OtpLoginPages;
import net.trader4.keycloak.it.support.RequireChromium;
import net.trader4.keycloak.it.support.Screenshots;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.TwilioStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Browser sign-in by phone in real headless Chromium: codes leave through Twilio's real SDK
 * inside Keycloak for the local stand-in of Twilio's API, and the test reads them from there.
 */
@ExtendWith(RequireChromium.class)
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class BrowserPhoneIT {

    private static final Pattern SMS_CODE = Pattern.compile("(?m)^@\\S+ #([0-9]{6})$");
    private static final Pattern SAY = Pattern.compile("<Say[^>]*>([^<]*)</Say>");
    private static final String DOTS = "\u2022";

    @RegisterExtension
    static final TwilioStandIn twilio = TwilioStandIn.forTestClass(Trader4ServerConfig.TWILIO_PORT);

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectOAuthClient
    OAuthClient oauth;

    OtpLoginPages pages;

    @BeforeEach
    void setUp() {
        pages = BrowserLogin.fresh(browser, realm, oauth);
    }

    @Test
    void mobileSignsInWithTheCodeFromTheSms() {
        String mobile = "+447910" + sixDigits();
        TestUsers.newUserWith(realm, "mobile_number", mobile);
        oauth.openLoginForm();
        pages.sendCodeTo(mobile);
        pages.waitForPage(OtpLoginPages.CODE_PAGE);

        assertEquals("We sent an SMS to +44 7" + DOTS.repeat(3) + " " + DOTS.repeat(2) + mobile.substring(9) + ".",
                pages.sentToPlain());
        assertEquals("Call me instead", switchButton().getText());
        // A call is a new code all the same: it waits for the same cooldown.
        pages.waiting().until(d -> !switchButton().isEnabled());
        Screenshots.save(browser.driver(), "09-sms-code-en");

        pages.enterCode(smsCode(mobile));
        pages.waitForRedirectTo(oauth.config().getRedirectUri());
        assertNotNull(oauth.parseLoginResponse().getCode(), browser.getCurrentUrl());
        assertTrue(twilio.requestsTo(TwilioStandIn.CALLS).isEmpty(), "no call unless asked for");
    }

    @Test
    void landlineSignsInWithTheCodeTheCallReadsOut() {
        String landline = "+445510" + sixDigits();
        TestUsers.newUserWith(realm, "phone_number", landline);
        oauth.openLoginForm();
        pages.sendCodeTo(landline);
        pages.waitForPage(OtpLoginPages.CODE_PAGE);

        assertEquals("We are calling +44 55 " + DOTS.repeat(4) + " " + landline.substring(9) + ".", pages.sentToPlain());
        assertTrue(browser.driver().findElements(By.id("trader4-otp-switch-channel")).isEmpty(), "a landline cannot take an SMS");
        Screenshots.save(browser.driver(), "10-voice-code-en");

        pages.enterCode(spokenCode(landline));
        pages.waitForRedirectTo(oauth.config().getRedirectUri());
        assertNotNull(oauth.parseLoginResponse().getCode(), browser.getCurrentUrl());
        assertTrue(sentTo(TwilioStandIn.MESSAGES, landline).isEmpty(), "no SMS to a landline");
    }

    @Test
    void callMeInsteadPlacesACallAfterTheCooldown() {
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.resendCooldownSeconds", "2"));
        String mobile = "+447910" + sixDigits();
        TestUsers.newUserWith(realm, "mobile_number", mobile);
        oauth.openLoginForm();
        pages.sendCodeTo(mobile);
        pages.waitForPage(OtpLoginPages.CODE_PAGE);
        String smsCode = smsCode(mobile);

        pages.waiting().until(d -> switchButton().isEnabled());
        pages.submitAndWait(switchButton());
        pages.waitForPage(OtpLoginPages.CODE_PAGE);
        assertEquals(1, sentTo(TwilioStandIn.CALLS, mobile).size(), "the mobile is called");
        assertEquals(1, sentTo(TwilioStandIn.MESSAGES, mobile).size(), "and gets no second SMS");
        assertTrue(pages.sentToPlain().startsWith("We are calling +44 7"), pages.sentToPlain());
        assertTrue(pages.alert().startsWith("We are calling") && pages.alert().endsWith("with a new code."), pages.alert());
        assertEquals("Send an SMS instead", switchButton().getText(), "and may go back to SMS");

        String called = spokenCode(mobile);
        if (!called.equals(smsCode)) {
            pages.enterCode(smsCode);
            pages.waitForPage(OtpLoginPages.CODE_PAGE);
            assertTrue(pages.fieldError("code").startsWith("This code is not correct."), "the call's code replaced the SMS's");
        }
        pages.enterCode(called);
        pages.waitForRedirectTo(oauth.config().getRedirectUri());
        assertNotNull(oauth.parseLoginResponse().getCode(), browser.getCurrentUrl());
    }

    private WebElement switchButton() {
        return browser.findElement(By.id("trader4-otp-switch-channel"));
    }

    private List<Map<String, String>> sentTo(String path, String number) {
        return twilio.requestsTo(path).stream().map(TwilioStandIn::form).filter(f -> number.equals(f.get("To"))).toList();
    }

    private String smsCode(String mobile) {
        List<Map<String, String>> sms = sentTo(TwilioStandIn.MESSAGES, mobile);
        assertEquals(1, sms.size(), "one SMS to " + mobile);
        Matcher code = SMS_CODE.matcher(sms.get(0).get("Body"));
        assertTrue(code.find(), sms.get(0).get("Body"));
        return code.group(1);
    }

    /** The code the last call to the number reads out, digit by digit, twice. */
    private String spokenCode(String number) {
        List<Map<String, String>> calls = sentTo(TwilioStandIn.CALLS, number);
        assertFalse(calls.isEmpty(), "no call to " + number);
        String twiml = calls.get(calls.size() - 1).get("Twiml");
        List<String> spoken = new ArrayList<>();
        Matcher say = SAY.matcher(twiml);
        while (say.find()) {
            String digits = say.group(1).replaceAll("[^0-9]", "");
            if (digits.length() == 6) {
                spoken.add(digits);
            }
        }
        assertEquals(2, spoken.size(), twiml);
        assertEquals(spoken.get(0), spoken.get(1), twiml);
        return spoken.get(0);
    }

    private static String sixDigits() {
        return String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
