package net.trader4.keycloak.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.testsupport.QrCodes;
import net.trader4.keycloak.it.support.Mailbox;
import net.trader4.keycloak.it.support.OtpLoginPages;
import net.trader4.keycloak.it.support.RequireChromium;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.HeadlessChromium;
import net.trader4.keycloak.testsupport.Waits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser-flow QR login in real headless Chromium: a desktop browser shows the QR login page,
 * the test reads the QR code from a screenshot, a phone (a second browser, signed in to the realm)
 * opens it and approves, and the desktop browser ends up signed in at its client.
 */
@ExtendWith(RequireChromium.class)
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class QrBrowserIT {

    private static final String FLOW = "trader4 QR browser";
    /** The phone that scans the QR code: its own browser, sharing no cookie with the desktop one. */
    private static final String ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    private static final String CLIENT = "qr-web";

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver desktop;

    @BeforeEach
    void qrFlowForTheWebClient() {
        // Every test of the suite signs in from 127.0.0.1 in a realm of the same id: lift the per-IP caps.
        // And the QR codes outlive the phone's whole sign-in, however slow a loaded machine makes it.
        TestUsers.setRealmAttributes(realm, Map.of("trader4.qr.createsPerIpPerHour", "10000",
                "trader4.otp.sendsPerIpPerHour", "100000", "trader4.otp.failuresPerIpPerHour", "100000",
                "trader4.qr.ttlSeconds", "600"));
        if (realm.admin().clients().findByClientId(CLIENT).isEmpty()) {
            // The demo realm's own QR-first flow, as its client trader4-web uses it.
            String flowId = realm.admin().flows().getFlows().stream().filter(f -> FLOW.equals(f.getAlias()))
                    .findFirst().orElseThrow(() -> new AssertionError("the demo realm has no flow " + FLOW)).getId();
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(CLIENT);
            client.setName("trader4 web");
            client.setPublicClient(true);
            client.setStandardFlowEnabled(true);
            client.setRedirectUris(List.of(redirectUri()));
            client.setAuthenticationFlowBindingOverrides(Map.of("browser", flowId));
            try (Response response = realm.admin().clients().create(client)) {
                assertEquals(201, response.getStatus());
            }
        }
        desktop.driver().manage().deleteAllCookies();
    }

    @Test
    void phoneApprovesAndTheDesktopBrowserIsSignedIn() throws Exception {
        String email = TestUsers.newEmailUser(realm);
        desktop.open(authorizationUrl());
        Scan loginPage = scanQr(desktop.driver());
        save("qr-login-page.png", loginPage.screenshot());
        String approvalUrl = loginPage.text();
        assertTrue(approvalUrl.startsWith(realm.getBaseUrl() + "/trader4/v1/oauth/qr/tr"), approvalUrl);

        Approval approval = approveOnPhone(approvalUrl, email);
        assertEquals(approvalUrl, approval.address(), "the authorization code is not left in the address");
        assertTrue(approval.page().contains("trader4 web"), approval.page());
        assertTrue(approval.page().contains(email), approval.page());
        assertTrue(approval.page().contains("Chrome on Linux"), approval.page());
        assertTrue(approval.page().contains("Didn't start this? Deny it."), approval.page());
        save("qr-approval-page.png", approval.screenshot());

        new WebDriverWait(desktop.driver(), Waits.BOUND).until(d -> d.getCurrentUrl().startsWith(redirectUri() + "?"));
        String code = queryParam(desktop.getCurrentUrl(), "code");
        JsonNode claims = idTokenClaims(code);
        assertEquals(email, claims.path("email").asText(), "signed in at the client as the phone's account");
        assertEquals(CLIENT, claims.path("azp").asText());
    }

    @Test
    void approvalPageSpeaksThePhonesLanguage() throws Exception {
        String email = TestUsers.newEmailUser(realm);
        ChromeDriver phone = HeadlessChromium.start(412, 915, ANDROID_CHROME);
        try {
            // The theme's language menu links to the page with kc_locale; the first visit signs the phone in on the way.
            String germanUrl = scanQrOfANewLogin() + "?kc_locale=de";
            Approval german = showOnPhone(phone, germanUrl, email);
            assertEquals(germanUrl, german.address(), "back from the login in the same language, without the authorization code");
            assertTrue(german.page().contains("trader4 web möchte sich als " + email + " anmelden."), german.page());
            assertTrue(german.page().contains("Chrome unter Linux"), german.page());
            assertTrue(german.page().contains("Nicht von Ihnen gestartet? Lehnen Sie ab."), german.page());
            assertEquals("ltr", phone.findElement(By.tagName("html")).getAttribute("dir"));
            save("qr-approval-page-de.png", german.screenshot());
            assertEquals("Niemand wurde angemeldet. Sie können diese Seite schließen.", deny(phone));

            showOnPhone(phone, scanQrOfANewLogin(), email);
            assertEquals("Bestätigen", phone.findElement(By.id("approve")).getText(), "the language picked last is remembered");
            Approval persian = pickLanguage(phone, "fa");
            assertEquals("rtl", phone.findElement(By.tagName("html")).getAttribute("dir"));
            assertTrue(persian.page().replaceAll("[\u2068\u2069]", "").contains("Chrome روی Linux"), persian.page());
            assertTrue(persian.page().contains("ورود در دستگاهی دیگر؟"), persian.page());
            assertEquals("تأیید", phone.findElement(By.id("approve")).getText());
            save("qr-approval-page-fa.png", persian.screenshot());
            assertTrue(deny(phone).contains("وارد نشد"), "the answer keeps the page's language");
        } finally {
            phone.quit();
        }
    }

    @Test
    void codeIsRenewedBeforeItExpires() throws Exception {
        TestUsers.setRealmAttributes(realm, Map.of("trader4.qr.ttlSeconds", "10"));
        try {
            desktop.open(authorizationUrl());
            String first = scanQr(desktop.driver()).text();
            new WebDriverWait(desktop.driver(), Waits.BOUND).until(d -> {
                Scan shown = readQr(d);
                return shown != null && !first.equals(shown.text());
            });
            assertTrue(desktop.driver().findElements(By.className("alert-error")).isEmpty(), "renewed before it expired");
        } finally {
            TestUsers.removeRealmAttribute(realm, "trader4.qr.ttlSeconds");
        }
    }

    @Test
    void boundAsTheBrowserFlowTheAccountConsoleSignsInByQrCode() throws Exception {
        String email = TestUsers.newEmailUser(realm);
        bindBrowserFlow(FLOW);
        try {
            desktop.open(realm.getBaseUrl() + "/account/");
            WebDriverWait wait = new WebDriverWait(desktop.driver(), Waits.BOUND);
            // The phone still signs in with a code: the QR step passes for the approval client itself.
            approveOnPhone(scanQr(desktop.driver()).text(), email);

            wait.withMessage(() -> "not signed in to the account console: " + desktop.getCurrentUrl() + "\n"
                            + desktop.driver().findElement(By.tagName("body")).getText())
                    .until(d -> d.getCurrentUrl().startsWith(realm.getBaseUrl() + "/account/")
                            && d.findElement(By.tagName("body")).getText().contains("Personal info"));
            // The browser's single sign-on is the phone's account's: another client signs in without a page.
            desktop.open(authorizationUrl() + "&prompt=none");
            wait.until(d -> d.getCurrentUrl().startsWith(redirectUri() + "?"));
            assertEquals(email, idTokenClaims(queryParam(desktop.getCurrentUrl(), "code")).path("email").asText());
        } finally {
            bindBrowserFlow("trader4 browser");
        }
    }

    @Test
    void linkFallsBackToTheNextSignInMethod() {
        desktop.open(authorizationUrl());
        WebDriverWait wait = new WebDriverWait(desktop.driver(), Waits.BOUND);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("trader4-qr-use-code"))).click();
        new OtpLoginPages(desktop.driver()).waitForPage(OtpLoginPages.IDENTIFIER_PAGE);
        assertTrue(desktop.driver().findElements(By.id("trader4-qr-image")).isEmpty());
    }

    @Test
    void aPageThatLostItsLoginHandsBackToKeycloak() {
        desktop.open(authorizationUrl());
        WebDriverWait wait = new WebDriverWait(desktop.driver(), Waits.BOUND);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trader4-qr-image")));
        // As if the login cookie expired, was cleared, or never came back (plain http in front of Keycloak).
        desktop.driver().manage().deleteAllCookies();
        // The page's next poll hands back to Keycloak: wait until its answer is the page, fully loaded.
        wait.withMessage(() -> "still on the QR page: " + desktop.getCurrentUrl())
                .until(d -> d.findElements(By.id("trader4-qr")).isEmpty()
                        && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState;")));
        String page = desktop.driver().findElement(By.tagName("body")).getText();
        assertTrue(page.toLowerCase(Locale.ROOT).contains("cookie not found"),
                "Keycloak says what is wrong instead of a QR nobody can use: " + page);
    }

    @Test
    void statusEndpointNeedsTheLoginCookie() {
        ApiClient api = new ApiClient(realm.getBaseUrl());
        HttpResponse<String> status = api.raw(HttpRequest.newBuilder(URI.create(realm.getBaseUrl()
                + "/trader4/qr-login-status?client_id=" + CLIENT + "&tab_id=abc")).GET().build());
        assertEquals(401, status.statusCode(), status.body());
    }

    private void bindBrowserFlow(String alias) {
        RealmRepresentation representation = realm.admin().toRepresentation();
        representation.setBrowserFlow(alias);
        realm.admin().update(representation);
    }

    private Approval approveOnPhone(String approvalUrl, String email) {
        ChromeDriver phone = HeadlessChromium.start(412, 915, ANDROID_CHROME);
        try {
            Approval approval = showOnPhone(phone, approvalUrl, email);
            WebDriverWait phoneWait = new WebDriverWait(phone, Waits.BOUND);
            phoneWait.until(ExpectedConditions.elementToBeClickable(By.id("approve"))).click();
            phoneWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "signing in as " + email));
            return approval;
        } finally {
            phone.quit();
        }
    }

    /** Opens the approval page on the phone, signing it in with a code first if it is not yet, and reads the question. */
    private Approval showOnPhone(ChromeDriver phone, String approvalUrl, String email) {
        WebDriverWait phoneWait = new WebDriverWait(phone, Waits.BOUND);
        phone.navigate().to(approvalUrl);
        OtpLoginPages phoneLogin = new OtpLoginPages(phone);
        phoneWait.withMessage(() -> "neither the approval page nor a login at " + phone.getCurrentUrl())
                .until(d -> {
                    try {
                        return !d.findElements(By.id("approve")).isEmpty() || OtpLoginPages.IDENTIFIER_PAGE.equals(phoneLogin.pageId());
                    } catch (StaleElementReferenceException stillNavigating) {
                        return false;
                    }
                });
        if (phone.findElements(By.id("approve")).isEmpty()) {
            // Not signed in yet: the realm's own login (its browser flow signs in with a code), through the approval client.
            int mailsBefore = Mailbox.messagesTo(mail, email).length;
            phoneLogin.sendCodeTo(email);
            phoneLogin.enterCode(Mailbox.codeSentTo(mail, email, mailsBefore));
        }
        phoneWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approve")));
        // Loaded, its stylesheets too, before the screenshot.
        phoneWait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState;")));
        return new Approval(phone.getCurrentUrl(), phone.findElement(By.tagName("body")).getText(), screenshot(phone));
    }

    /** Picks a language in the theme's menu, as a person does: the approval page in that language. */
    private static Approval pickLanguage(ChromeDriver phone, String language) {
        Select menu = new Select(phone.findElement(By.id("login-select-toggle")));
        String choice = menu.getOptions().stream().map(option -> option.getAttribute("value"))
                .filter(value -> value.endsWith("kc_locale=" + language)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + language + " in the language menu"));
        menu.selectByValue(choice);
        new WebDriverWait(phone, Waits.BOUND).withMessage(() -> "not in " + language + ": " + phone.getCurrentUrl())
                .until(d -> d.getCurrentUrl().endsWith("kc_locale=" + language) && !d.findElements(By.id("approve")).isEmpty()
                        && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState;")));
        return new Approval(phone.getCurrentUrl(), phone.findElement(By.tagName("body")).getText(), screenshot(phone));
    }

    /** Denies on the phone's approval page: the text of the page that answers. */
    private static String deny(ChromeDriver phone) {
        WebDriverWait phoneWait = new WebDriverWait(phone, Waits.BOUND);
        phoneWait.until(ExpectedConditions.elementToBeClickable(By.id("deny"))).click();
        WebElement message = phoneWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message[data-outcome]")));
        assertEquals("denied", message.getAttribute("data-outcome"));
        return message.getText();
    }

    /** A new login in the desktop browser: the approval page its QR code opens. */
    private String scanQrOfANewLogin() {
        desktop.open(authorizationUrl());
        return scanQr(desktop.driver()).text();
    }

    /** Waits until the page shows a QR code a camera can read, and reads it. */
    private static Scan scanQr(WebDriver driver) {
        return new WebDriverWait(driver, Waits.BOUND)
                .withMessage(() -> "no readable QR code at " + driver.getCurrentUrl() + ":\n" + visibleText(driver))
                .until(QrBrowserIT::readQr);
    }

    private static String visibleText(WebDriver driver) {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(no page text: " + e.getMessage() + ")";
        }
    }

    /** The QR code on the page as a phone camera reads it from a screenshot; null while there is none to read. */
    private static Scan readQr(WebDriver driver) {
        try {
            List<WebElement> image = driver.findElements(By.id("trader4-qr-image"));
            if (image.isEmpty() || !image.get(0).isDisplayed()) {
                return null;
            }
            byte[] png = screenshot(driver);
            return new Scan(QrCodes.read(png), png);
        } catch (StaleElementReferenceException | AssertionError renewedOrNotDrawnYet) {
            return null;
        }
    }

    /** What a QR code says, and the screenshot it was read from. */
    private record Scan(String text, byte[] screenshot) {
    }

    /** The approval page as the phone saw it before approving. */
    private record Approval(String address, String page, byte[] screenshot) {
    }

    private String redirectUri() {
        return realm.getBaseUrl() + "/.well-known/openid-configuration";
    }

    private String authorizationUrl() {
        return realm.getBaseUrl() + "/protocol/openid-connect/auth?client_id=" + CLIENT + "&response_type=code&scope=openid"
                + "&state=desktop&redirect_uri=" + URLEncoder.encode(redirectUri(), StandardCharsets.UTF_8);
    }

    /** Redeems the code at the token endpoint: the claims of the ID token it answers. */
    private JsonNode idTokenClaims(String code) {
        ApiClient api = new ApiClient(realm.getBaseUrl());
        HttpResponse<String> response = api.raw(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=" + CLIENT + "&code="
                        + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&redirect_uri="
                        + URLEncoder.encode(redirectUri(), StandardCharsets.UTF_8))).build());
        assertEquals(200, response.statusCode(), response.body());
        return ApiClient.claims(ApiClient.parse(response.body()).path("id_token").asText());
    }

    private static String queryParam(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("No " + name + " in " + url);
    }

    private static byte[] screenshot(WebDriver driver) {
        return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    }

    /** Screenshots under target/screenshots, like the other browser tests; docs/screenshots holds a reviewed copy. */
    private static void save(String name, byte[] png) throws IOException {
        Path screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        Files.write(screenshots.resolve(name), png);
    }
}
