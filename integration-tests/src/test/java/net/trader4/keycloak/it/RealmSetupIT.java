package net.trader4.keycloak.it;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import net.trader4.keycloak.it.support.Mailbox;
import net.trader4.keycloak.it.support.OtpLoginPages;
import net.trader4.keycloak.it.support.RequireChromium;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.util.JsonSerialization;
import org.keycloak.testsuite.util.oauth.PkceGenerator;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator's first minutes: a fresh realm of a Keycloak with the bundle installed, one call of
 * {@code POST /admin/realms/{realm}/trader4/setup}, and a user signs in by the API and in a
 * browser. A second call changes nothing.
 */
@ExtendWith(RequireChromium.class)
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class RealmSetupIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @InjectAdminClient
    Keycloak admin;

    /** Only its SMTP settings, which the test framework points at its mail server, are used. */
    @InjectRealm
    ManagedRealm mailRealm;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver browser;

    String realmName;
    RealmResource fresh;

    @BeforeEach
    void freshRealm() {
        realmName = "setup-" + UUID.randomUUID().toString().substring(0, 8);
        RealmRepresentation rep = new RealmRepresentation();
        rep.setRealm(realmName);
        rep.setEnabled(true);
        rep.setSmtpServer(mailRealm.admin().toRepresentation().getSmtpServer());
        admin.realms().create(rep);
        fresh = admin.realm(realmName);
    }

    @AfterEach
    void removeRealm() {
        fresh.remove();
    }

    @Test
    void oneCallSetsAFreshRealmUpForApiAndBrowserSignIn() throws Exception {
        RealmRepresentation before = fresh.toRepresentation();
        assertFalse(before.isEventsEnabled(), "a new realm saves no login events");
        assertFalse(before.isBruteForceProtected(), "a new realm has no brute-force detection");

        HttpResponse<String> first = setup(adminToken(), "");
        assertEquals(200, first.statusCode(), first.body());
        JsonNode report = ApiClient.parse(first.body());
        assertEquals(realmName, report.path("realm").asText());
        assertTrue(report.path("changed").asBoolean(), first.body());
        assertEquals("created", outcome(report, "client trader4-api"), first.body());
        assertEquals("created", outcome(report, "client trader4-qr"), first.body());
        assertEquals("created", outcome(report, "user profile attribute crypto_address"), first.body());
        assertEquals("created", outcome(report, "browser flow \"trader4 browser\""), first.body());
        assertEquals("changed", outcome(report, "realm browser flow"), first.body());
        assertEquals("changed", outcome(report, "brute-force detection"), first.body());
        assertEquals("changed", outcome(report, "login events"), first.body());

        HttpResponse<String> second = setup(adminToken(), "");
        assertEquals(200, second.statusCode(), second.body());
        JsonNode again = ApiClient.parse(second.body());
        assertFalse(again.path("changed").asBoolean(), "a second call changes nothing: " + second.body());
        for (JsonNode item : again.path("items")) {
            assertEquals("kept", item.path("outcome").asText(), second.body());
        }
        assertEquals(report.path("items").size(), again.path("items").size());

        RealmRepresentation after = fresh.toRepresentation();
        assertTrue(after.isEventsEnabled());
        assertTrue(after.isAdminEventsEnabled());
        assertTrue(after.isBruteForceProtected());
        assertEquals("trader4 browser", after.getBrowserFlow());
        ClientRepresentation api = fresh.clients().findByClientId("trader4-api").get(0);
        assertTrue(api.isPublicClient());
        assertTrue(api.isStandardFlowEnabled());
        assertFalse(api.isDirectAccessGrantsEnabled(), "no password grant on the API client");
        assertFalse(api.isImplicitFlowEnabled());
        assertEquals("S256", api.getAttributes().get("pkce.code.challenge.method"));
        UPAttribute wallets = fresh.users().userProfile().getConfiguration().getAttribute("crypto_address");
        assertEquals(java.util.Set.of("admin"), wallets.getPermissions().getEdit(), "users never type their own wallet address");
        assertTrue(wallets.isMultivalued());
        List<AdminEventRepresentation> events = fresh.getAdminEvents();
        assertTrue(events.stream().anyMatch(e -> "ACTION".equals(e.getOperationType())
                && e.getResourcePath() != null && e.getResourcePath().endsWith("trader4/setup")), "setup is an admin event");

        // Two users: one code per identifier within the resend cooldown.
        String accessToken = signInByApi(newUser());
        signInInBrowser(newUser());

        HttpResponse<String> refused = setup(accessToken, "");
        assertEquals(403, refused.statusCode(), "a user without manage-realm cannot run setup: " + refused.body());
    }

    @Test
    void withoutTwilioForTheRealmPhonesAreNeitherOfferedNorAccepted() throws Exception {
        // The realm sends by email only: Twilio, though configured at the server, is not one of its channels.
        RealmRepresentation rep = fresh.toRepresentation();
        rep.setAttributes(new java.util.HashMap<>(Map.of("trader4.otp.channels", "email")));
        fresh.update(rep);

        HttpResponse<String> answer = setup(adminToken(), "");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("created", outcome(ApiClient.parse(answer.body()), "identifier kinds offered (trader4.otp.allowedIdentifierTypes)"));
        assertEquals("email,wallet", fresh.toRepresentation().getAttributes().get("trader4.otp.allowedIdentifierTypes"));

        Answer phone = new ApiClient(realmUrl()).sign("+447888872720");
        assertEquals(400, phone.status(), phone.toString());
        assertEquals("unsupported_identifier", phone.error(), phone.toString());

        OtpLoginPages pages = freshBrowser();
        browser.driver().navigate().to(authorizationUrl(PkceGenerator.s256()));
        pages.waitForPage(OtpLoginPages.IDENTIFIER_PAGE);
        String label = browser.findElement(By.cssSelector("label[for=identifier]")).getText();
        assertFalse(label.toLowerCase().contains("mobile"), "the page asks for no mobile number: " + label);
        assertTrue(label.toLowerCase().contains("email"), label);
    }

    @Test
    void aSecretLeftInARealmAttributeMovesToTheStoreKeycloakMasks() throws Exception {
        String sid = "AC" + "0123456789abcdef".repeat(2);
        RealmRepresentation rep = fresh.toRepresentation();
        rep.setAttributes(new java.util.HashMap<>(Map.of("trader4.twilio.accountSid", sid,
                "trader4.twilio.authToken", "imported-token")));
        fresh.update(rep);

        HttpResponse<String> answer = setup(adminToken(), "");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("changed", outcome(ApiClient.parse(answer.body()), "secret settings"), answer.body());
        assertFalse(answer.body().contains("imported-token"), "the report names the setting, not the secret");

        Map<String, String> attributes = fresh.toRepresentation().getAttributes();
        assertNull(attributes.get("trader4.twilio.authToken"), "out of the realm's attributes");
        assertEquals(sid, attributes.get("trader4.twilio.accountSid"), "the account SID is no secret and stays");
        List<ComponentRepresentation> stores = fresh.components().query(fresh.toRepresentation().getId(),
                "net.trader4.keycloak.common.settings.SecretSettings");
        assertEquals(1, stores.size());
        assertEquals(List.of(ComponentRepresentation.SECRET_VALUE), stores.get(0).getConfig().get("trader4.twilio.authToken"));

        JsonNode again = ApiClient.parse(setup(adminToken(), "").body());
        assertEquals("kept", outcome(again, "secret settings"), "moved once");
    }

    @Test
    void theDemoRealmNeedsOnlyItsAdminEventsAndItsOwnRedirectUris() throws Exception {
        // The demo realm is the target state setup models: imported under this test's name, setup finds it done.
        fresh.remove();
        RealmRepresentation demo;
        try (InputStream json = RealmSetupIT.class.getResourceAsStream("trader4-realm.json")) {
            demo = JsonSerialization.readValue(json, RealmRepresentation.class);
        }
        demo.setRealm(realmName);
        demo.setSmtpServer(mailRealm.admin().toRepresentation().getSmtpServer());
        admin.realms().create(demo);

        HttpResponse<String> answer = setup(adminToken(), "");
        assertEquals(200, answer.statusCode(), answer.body());
        for (JsonNode item : ApiClient.parse(answer.body()).path("items")) {
            String name = item.path("item").asText();
            if (name.startsWith("client ")) {
                // The file's redirect URIs name the realm trader4; this copy gets its own, nothing else.
                assertEquals("changed", item.path("outcome").asText(), answer.body());
                assertTrue(item.path("detail").asText().matches("redirect URI /realms/" + realmName + "/\\S+ added"), answer.body());
            } else {
                assertEquals(name.equals("admin events") ? "changed" : "kept", item.path("outcome").asText(), answer.body());
            }
        }
    }

    @Test
    void badOptionsAreRefusedWithAClearMessage() throws Exception {
        HttpResponse<String> blank = setup(adminToken(), "?flowAlias=%20");
        assertEquals(400, blank.statusCode(), blank.body());
        assertTrue(ApiClient.parse(blank.body()).path("errorMessage").asText().contains("flowAlias"), blank.body());

        HttpResponse<String> builtIn = setup(adminToken(), "?flowAlias=browser");
        assertEquals(400, builtIn.statusCode(), builtIn.body());
        assertTrue(ApiClient.parse(builtIn.body()).path("errorMessage").asText().contains("built-in"), builtIn.body());

        HttpResponse<String> wallets = setup(adminToken(), "?wallets=maybe");
        assertEquals(400, wallets.statusCode(), wallets.body());
        assertTrue(ApiClient.parse(wallets.body()).path("errorMessage").asText().contains("wallets"), wallets.body());

        assertTrue(fresh.clients().findByClientId("trader4-api").isEmpty(), "a refused call changes nothing");
    }

    private String newUser() {
        String email = "setup-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setEnabled(true);
        // A new realm's user profile requires both names: without them the account is not ready to sign in.
        user.setFirstName("Setup");
        user.setLastName("Tester");
        fresh.users().create(user).close();
        return email;
    }

    private String signInByApi(String email) {
        ApiClient api = new ApiClient(realmUrl());
        int seen = Mailbox.messagesTo(mail, email).length;
        Answer sign = api.sign(email);
        assertEquals(200, sign.status(), sign.toString());
        Answer verify = api.verify(email, Mailbox.codeSentTo(mail, email, seen));
        assertEquals(200, verify.status(), verify.toString());
        assertEquals(email, verify.results().path("email").asText());
        String accessToken = verify.results().path("access_token").asText();
        assertEquals("trader4-api", ApiClient.claims(accessToken).path("azp").asText());
        return accessToken;
    }

    private void signInInBrowser(String email) throws Exception {
        OtpLoginPages pages = freshBrowser();
        PkceGenerator pkce = PkceGenerator.s256();
        browser.driver().navigate().to(authorizationUrl(pkce));
        int seen = Mailbox.messagesTo(mail, email).length;
        pages.sendCodeTo(email);
        pages.enterCode(Mailbox.codeSentTo(mail, email, seen));
        pages.waitForRedirectTo(callback());
        String code = queryParameter(browser.driver().getCurrentUrl(), "code");
        HttpResponse<String> tokens = HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "client_id", "trader4-api",
                        "code", code, "redirect_uri", callback(), "code_verifier", pkce.getCodeVerifier()))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, tokens.statusCode(), tokens.body());
        String accessToken = ApiClient.parse(tokens.body()).path("access_token").asText();
        assertEquals(email, ApiClient.claims(accessToken).path("email").asText());
    }

    private OtpLoginPages freshBrowser() {
        assertInstanceOf(ChromeDriver.class, browser.driver(), "the tests run in real Chromium");
        ((ChromeDriver) browser.driver()).executeCdpCommand("Network.clearBrowserCookies", Map.of());
        return new OtpLoginPages(browser.driver());
    }

    /** The API client's one registered redirect URI: the browser only has to land there with a code. */
    private String callback() {
        return realmUrl() + "/trader4/v1/oauth/google/callback";
    }

    private String authorizationUrl(PkceGenerator pkce) {
        return realmUrl() + "/protocol/openid-connect/auth?" + form(Map.of("client_id", "trader4-api", "response_type", "code",
                "scope", "openid", "redirect_uri", callback(), "state", UUID.randomUUID().toString(),
                "code_challenge", pkce.getCodeChallenge(), "code_challenge_method", "S256"));
    }

    private String realmUrl() {
        return Trader4ServerConfig.HOSTNAME + "/realms/" + realmName;
    }

    private String adminToken() {
        return admin.tokenManager().getAccessTokenString();
    }

    private HttpResponse<String> setup(String bearer, String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Trader4ServerConfig.HOSTNAME + "/admin/realms/" + realmName + "/trader4/setup" + query))
                .header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String outcome(JsonNode report, String item) {
        List<String> seen = new ArrayList<>();
        for (JsonNode entry : report.path("items")) {
            if (item.equals(entry.path("item").asText())) {
                return entry.path("outcome").asText();
            }
            seen.add(entry.path("item").asText());
        }
        throw new AssertionError("no item " + item + " in " + seen);
    }

    private static String queryParameter(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name)) {
                return java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + url);
    }

    private static String form(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return form.toString();
    }
}
