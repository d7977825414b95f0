package net.trader4.keycloak.it.support;

import java.net.URI;
import java.util.Map;

import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** A clean start for a browser test: real Chromium, no earlier SSO cookies, per-IP caps out of the way. */
public final class BrowserLogin {

    private BrowserLogin() {
    }

    public static OtpLoginPages fresh(ManagedWebDriver browser, ManagedRealm realm, OAuthClient oauth) {
        assertInstanceOf(ChromeDriver.class, browser.driver(), "the tests run in real Chromium");
        // The SSO cookies of an earlier test belong to Keycloak's origin, not the page the browser is on.
        ((ChromeDriver) browser.driver()).executeCdpCommand("Network.clearBrowserCookies", Map.of());
        // The token request carries an Origin header; Keycloak's own origin is always allowed.
        URI keycloak = URI.create(realm.getBaseUrl());
        oauth.config().origin(keycloak.getScheme() + "://" + keycloak.getAuthority());
        // Every request comes from 127.0.0.1; the per-IP caps are the API tests' business.
        TestUsers.setRealmAttributes(realm, Map.of(
                "trader4.otp.sendsPerIpPerHour", "100000",
                "trader4.otp.failuresPerIpPerHour", "100000"));
        TestUsers.removeRealmAttribute(realm, "trader4.otp.resendCooldownSeconds");
        return new OtpLoginPages(browser.driver());
    }
}
