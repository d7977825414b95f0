package net.trader4.keycloak.it;

import java.time.Instant;

import net.trader4.keycloak.it.support.BrowserLogin;
import net.trader4.keycloak.it.support.Mailbox;
import net.trader4.keycloak.it.support.OtpLoginPages;
import net.trader4.keycloak.it.support.RequireChromium;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient;
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
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The demo realm's browser flow asks for the authenticator app after the one-time code, as it
 * does after the password: the mailbox alone does not sign in an account that has one.
 */
@ExtendWith(RequireChromium.class)
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class BrowserSecondFactorIT {

    private static final String KEYCLOAK_OTP_PAGE = "login-login-otp";

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
    void afterTheMailedCodeTheAuthenticatorAppIsAskedFor() throws Exception {
        String email = SecondFactorIT.newUserWithApp(realm);
        oauth.openLoginForm();
        int seen = Mailbox.messagesTo(mail, email).length;
        pages.sendCodeTo(email);
        pages.enterCode(Mailbox.codeSentTo(mail, email, seen));

        pages.waitForPage(KEYCLOAK_OTP_PAGE);
        browser.driver().findElement(By.id("otp")).sendKeys(SecondFactorIT.appCode(Instant.now()));
        pages.submitAndWait(browser.driver().findElement(By.id("kc-login")));
        pages.waitForRedirectTo(oauth.config().getRedirectUri());
        AuthorizationEndpointResponse authorization = oauth.parseLoginResponse();
        assertNotNull(authorization.getCode(), browser.getCurrentUrl());
        AccessTokenResponse tokens = oauth.accessTokenRequest(authorization.getCode()).send();
        assertEquals(200, tokens.getStatusCode(), tokens.getError() + ": " + tokens.getErrorDescription());
        assertEquals(email, ApiClient.claims(tokens.getAccessToken()).path("email").asText());
    }
}
