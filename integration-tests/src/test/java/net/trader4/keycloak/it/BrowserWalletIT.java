package net.trader4.keycloak.it;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import net.trader4.keycloak.it.support.BrowserLogin;
import net.trader4.keycloak.it.support.OtpLoginPages;
import net.trader4.keycloak.it.support.RequireChromium;
import net.trader4.keycloak.it.support.Screenshots;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.Waits;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wallet sign-in in the browser, in real headless Chromium: the page shows the server's message,
 * the test copies it from the page, signs it with standard wallet libraries (web3j, bitcoinj)
 * and pastes the signature, or lets a browser wallet (EIP-1193) do it.
 */
@ExtendWith(RequireChromium.class)
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class BrowserWalletIT {

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
    void ethereumWalletSignsTheMessageCopiedFromThePage() throws Exception {
        ECKeyPair keys = Keys.createEcKeyPair();
        String address = Keys.toChecksumAddress(Keys.getAddress(keys));
        TestUsers.newUserWith(realm, "crypto_address", address);
        oauth.openLoginForm();
        pages.sendCodeTo(address.toLowerCase());
        pages.waitForPage(OtpLoginPages.WALLET_PAGE);

        String shown = pages.walletMessage();
        assertTrue(shown.startsWith("localhost:8080 wants you to sign in with your Ethereum account:\n" + address + "\n\n"), shown);
        assertTrue(shown.contains("\nChain ID: 1\nNonce: ") && shown.contains("\nExpiration Time: "), shown);
        assertEquals("true", browser.findElement(By.id("trader4-wallet-message")).getDomAttribute("readonly"));
        assertFalse(browser.findElement(By.id("trader4-wallet-browser")).isDisplayed(), "no window.ethereum, no browser-wallet button");
        Screenshots.save(browser.driver(), "11-wallet-en");
        String copied = copyMessage();
        assertEquals(shown, copied, "the copy button copies the message exactly");

        pages.enterSignature(ethereumSignature(copied, Keys.createEcKeyPair()));
        pages.waitForPage(OtpLoginPages.WALLET_PAGE);
        assertEquals("This signature does not match the message and address. 4 tries left.", pages.fieldError("signature"));
        assertEquals(copied, pages.walletMessage(), "the same message stays to be signed");

        pages.enterSignature(ethereumSignature(copied, keys));
        pages.waitForRedirectTo(oauth.config().getRedirectUri());
        assertNotNull(oauth.parseLoginResponse().getCode(), browser.getCurrentUrl());
    }

    @Test
    void browserWalletSignsWithPersonalSign() {
        ECKeyPair keys;
        try {
            keys = Keys.createEcKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        String address = Keys.toChecksumAddress(Keys.getAddress(keys));
        TestUsers.newUserWith(realm, "crypto_address", address);
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        // An EIP-1193 provider standing in for a wallet extension: it hands the signing request to the test.
        Map<String, Object> injected = chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.ethereum = { request: ({ method, params }) => {"
                        + " if (method === 'eth_requestAccounts') return Promise.resolve(['" + address.toLowerCase() + "']);"
                        + " if (method === 'personal_sign') return new Promise((resolve) => { window.trader4SignRequest = params;"
                        + " window.trader4Resolve = resolve; });"
                        + " return Promise.reject(new Error('unsupported ' + method)); } };"));
        try {
            oauth.openLoginForm();
            pages.sendCodeTo(address);
            pages.waitForPage(OtpLoginPages.WALLET_PAGE);
            String shown = pages.walletMessage();
            pages.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("trader4-wallet-browser")));
            Screenshots.save(chrome, "12-wallet-browser-en");

            pages.waiting().until(ExpectedConditions.elementToBeClickable(By.id("trader4-wallet-browser"))).click();
            JavascriptExecutor js = chrome;
            @SuppressWarnings("unchecked")
            List<Object> request = (List<Object>) pages.waiting()
                    .until(d -> js.executeScript("return window.trader4SignRequest || null;"));
            String signed = new String(Numeric.hexStringToByteArray((String) request.get(0)), StandardCharsets.UTF_8);
            assertEquals(shown, signed, "personal_sign gets the message as hex of its UTF-8 bytes");
            assertEquals(address, request.get(1));

            pages.submitAndWaitFor(() -> js.executeScript("window.trader4Resolve(arguments[0]);", ethereumSignature(signed, keys)));
            pages.waitForRedirectTo(oauth.config().getRedirectUri());
            assertNotNull(oauth.parseLoginResponse().getCode(), browser.getCurrentUrl());
        } finally {
            chrome.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", injected.get("identifier")));
        }
    }

    @Test
    void bitcoinWalletSignsInAndUnsupportedSignaturesSaySo() {
        ECKey key = new ECKey();
        String segwit = key.toAddress(ScriptType.P2WPKH, BitcoinNetwork.MAINNET).toString();
        TestUsers.newUserWith(realm, "crypto_address", segwit);
        oauth.openLoginForm();
        pages.sendCodeTo(segwit);
        pages.waitForPage(OtpLoginPages.WALLET_PAGE);
        String shown = pages.walletMessage();
        assertTrue(shown.contains("with your Bitcoin account:\n" + segwit + "\n") && !shown.contains("Chain ID"), shown);
        assertTrue(browser.driver().findElements(By.id("trader4-wallet-browser")).isEmpty(), "browser wallets sign for Ethereum only");

        pages.enterSignature("fulAA==");
        pages.waitForPage(OtpLoginPages.WALLET_PAGE);
        assertTrue(pages.fieldError("signature").startsWith("This kind of signature is not supported."), pages.fieldError("signature"));

        pages.enterSignature(key.signMessage(shown, ScriptType.P2WPKH));
        pages.waitForRedirectTo(oauth.config().getRedirectUri());
        assertNotNull(oauth.parseLoginResponse().getCode(), browser.getCurrentUrl());
    }

    @Test
    void anExpiredMessageSaysSoAndANewOneSignsIn() throws Exception {
        ECKeyPair keys = Keys.createEcKeyPair();
        String address = Keys.toChecksumAddress(Keys.getAddress(keys));
        TestUsers.newUserWith(realm, "crypto_address", address);
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.codeTtlSeconds", "10"));
        try {
            oauth.openLoginForm();
            pages.sendCodeTo(address);
            pages.waitForPage(OtpLoginPages.WALLET_PAGE);
            String old = pages.walletMessage();
            // As a person would: wait until the expiration time the message states has passed.
            Instant expires = Instant.parse(old.replaceFirst("(?s).*\nExpiration Time: (\\S+).*", "$1"));
            new FluentWait<>(Clock.systemUTC()).withTimeout(Waits.BOUND).until(clock -> clock.instant().isAfter(expires));
            pages.enterSignature(ethereumSignature(old, keys));
            pages.waitForPage(OtpLoginPages.WALLET_PAGE);
            assertEquals("This message has expired or was already used. Get a new message and sign it.", pages.alert());

            // The new message lives the default time, so signing it never races its expiry.
            TestUsers.removeRealmAttribute(realm, "trader4.otp.codeTtlSeconds");
            pages.resend();
            pages.waitForPage(OtpLoginPages.WALLET_PAGE);
            assertEquals("Here is a new message to sign.", pages.alert());
            String fresh = pages.walletMessage();
            assertFalse(fresh.equals(old), "a new nonce");
            pages.enterSignature(ethereumSignature(fresh, keys));
            pages.waitForRedirectTo(oauth.config().getRedirectUri());
            assertNotNull(oauth.parseLoginResponse().getCode(), browser.getCurrentUrl());
        } finally {
            TestUsers.removeRealmAttribute(realm, "trader4.otp.codeTtlSeconds");
        }
    }

    /** Clicks the copy button with the clipboard API recording what it is given. */
    private String copyMessage() {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript("window.trader4Copied = null;"
                + " Object.defineProperty(navigator, 'clipboard', { configurable: true, value: {"
                + " writeText: (text) => { window.trader4Copied = text; return Promise.resolve(); } } });");
        pages.waiting().until(ExpectedConditions.elementToBeClickable(By.id("trader4-wallet-copy"))).click();
        return (String) pages.waiting().until(d -> js.executeScript("return window.trader4Copied;"));
    }

    private static String ethereumSignature(String message, ECKeyPair keys) {
        Sign.SignatureData signature = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), keys);
        byte[] bytes = new byte[65];
        System.arraycopy(signature.getR(), 0, bytes, 0, 32);
        System.arraycopy(signature.getS(), 0, bytes, 32, 32);
        bytes[64] = signature.getV()[0];
        return Numeric.toHexString(bytes);
    }
}
