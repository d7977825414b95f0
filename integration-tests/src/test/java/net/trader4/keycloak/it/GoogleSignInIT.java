package net.trader4.keycloak.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.it.support.LoopbackCaller;
import net.trader4.keycloak.it.support.RequireChromium;
import net.trader4.keycloak.it.support.Screenshots;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.RealmConfigBuilder;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Google sign-in through Keycloak's broker and {@code GET /v1/oauth/google}, end to end in
 * headless Chromium. Google is unreachable here, so a second realm of the same Keycloak plays
 * Google: an OpenID Connect provider attached under the alias {@code google}.
 */
@ExtendWith(RequireChromium.class)
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class GoogleSignInIT {

    private static final int APP_PORT = 18090;
    private static final String APP_CALLBACK = "http://127.0.0.1:" + APP_PORT + "/app/callback";
    private static final String BROKER_SECRET = "stand-in-google-client-secret";
    /** The app's PKCE verifier (RFC 7636 appendix B) and its S256 challenge. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    static HttpServer app;
    static final BlockingQueue<Map<String, String>> APP_RECEIVED = new LinkedBlockingQueue<>();

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @InjectRealm(ref = "google", config = FakeGoogle.class)
    ManagedRealm google;

    @InjectWebDriver
    ManagedWebDriver browser;

    ApiClient api;

    /** The realm that plays Google: a user and the client Keycloak's broker signs in with. */
    public static class FakeGoogle implements RealmConfig {
        @Override
        public RealmConfigBuilder configure(RealmConfigBuilder realm) {
            realm.name("fake-google");
            realm.addUser("alice").password("alice-password").email("alice@gmail.test").emailVerified(true)
                    .name("Alice", "Example").enabled(true);
            realm.addUser("bob").password("bob-password").email("bob@gmail.test").emailVerified(true)
                    .name("Bob", "Example").enabled(true);
            realm.addUser("carol").password("carol-password").email("carol@gmail.test").emailVerified(true)
                    .name("Carol", "Example").enabled(true);
            realm.addUser("dave").password("dave-password").email("dave@gmail.test").emailVerified(true)
                    .name("Dave", "Example").enabled(true);
            realm.addClient("trader4-broker").secret(BROKER_SECRET)
                    .redirectUris("http://localhost:8080/realms/trader4/broker/google/endpoint");
            return realm;
        }
    }

    /** The app that started the sign-in: it only ever sees a one-time code and its state. */
    @BeforeAll
    static void startApp() throws IOException {
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", APP_PORT), 0);
        app.createContext("/app/callback", exchange -> {
            Map<String, String> query = new HashMap<>();
            String raw = exchange.getRequestURI().getRawQuery();
            for (String pair : raw == null ? new String[0] : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            APP_RECEIVED.add(query);
            byte[] body = "app received the callback".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.start();
    }

    @AfterAll
    static void stopApp() {
        app.stop(0);
    }

    @BeforeEach
    void attachFakeGoogle() {
        api = new ApiClient(realm.getBaseUrl());
        APP_RECEIVED.clear();
        IdentityProviderRepresentation idp = realm.admin().identityProviders().get("google").toRepresentation();
        idp.setProviderId("oidc");
        idp.setEnabled(true);
        String issuer = google.getBaseUrl() + "/protocol/openid-connect";
        idp.setConfig(new HashMap<>(Map.of(
                "clientId", "trader4-broker", "clientSecret", BROKER_SECRET, "clientAuthMethod", "client_secret_post",
                "authorizationUrl", issuer + "/auth", "tokenUrl", issuer + "/token", "userInfoUrl", issuer + "/userinfo",
                "defaultScope", "openid profile email", "syncMode", "IMPORT", "validateSignature", "false")));
        realm.admin().identityProviders().get("google").remove();
        try (Response created = realm.admin().identityProviders().create(idp)) {
            assertEquals(201, created.getStatus());
        }
        ClientRepresentation apiClient = realm.admin().clients().findByClientId("trader4-api").get(0);
        if (!apiClient.getRedirectUris().contains(APP_CALLBACK)) {
            apiClient.getRedirectUris().add(APP_CALLBACK);
            realm.admin().clients().get(apiClient.getId()).update(apiClient);
        }
        // Each test signs in from scratch: end every session in both realms (cookies are path-scoped).
        realm.admin().logoutAll();
        google.admin().logoutAll();
        browser.cookies().deleteAll();
    }

    @Test
    void appGetsAOneTimeCodeThatRedeemsForWorkingTokens() throws Exception {
        browser.open(startAt(APP_CALLBACK, "app-state-1", VERIFIER));
        signInAtFakeGoogle("alice", "alice-password");

        Map<String, String> received = APP_RECEIVED.poll(Waits.BOUND.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(received, "the app got no callback; browser at " + browser.getCurrentUrl());
        assertEquals("app-state-1", received.get("state"));
        assertFalse(received.containsKey("access_token"), "no tokens in URLs");
        String code = received.get("code");
        assertNotNull(code);

        Answer tokens = api.postJson("google/token", Map.of("code", code, "code_verifier", VERIFIER));
        assertEquals(200, tokens.status(), tokens.toString());
        assertEquals("User logged in successfully", tokens.message());
        assertEquals("alice@gmail.test", tokens.results().path("email").asText());
        assertEquals("Alice", tokens.results().path("first_name").asText());
        String accessToken = tokens.results().path("access_token").asText();
        HttpResponse<String> userinfo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + accessToken).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, userinfo.statusCode(), userinfo.body());
        assertTrue(userinfo.body().contains("alice@gmail.test"));

        Answer replay = api.postJson("google/token", Map.of("code", code, "code_verifier", VERIFIER));
        assertEquals(400, replay.status(), "the code works once: " + replay);
        assertEquals("invalid_code", replay.error());
    }

    @Test
    void firstSignInLinksToTheAccountWithTheSameEmail() throws Exception {
        UserRepresentation bob = new UserRepresentation();
        bob.setUsername("bob-existing");
        bob.setEmail("bob@gmail.test");
        bob.setEmailVerified(true);
        bob.setEnabled(true);
        try (Response created = realm.admin().users().create(bob)) {
            assertEquals(201, created.getStatus());
        }
        String bobId = TestUsers.byEmail(realm, "bob@gmail.test").getId();

        browser.open(realm.getBaseUrl() + "/trader4/v1/oauth/google");
        signInAtFakeGoogle("bob", "bob-password");
        new WebDriverWait(browser.driver(), Waits.BOUND).until(d -> d.getPageSource().contains("succeed"));
        String page = browser.driver().findElement(By.tagName("body")).getText();
        assertTrue(page.contains("User logged in successfully"), page);
        assertTrue(page.contains("bob@gmail.test"), page);
        List<UserRepresentation> bobs = realm.admin().users().searchByEmail("bob@gmail.test", true);
        assertEquals(1, bobs.size(), "linked, not duplicated");
        assertEquals(bobId, bobs.get(0).getId());
        assertEquals("google", realm.admin().users().get(bobId).getFederatedIdentity().get(0).getIdentityProvider());
    }

    @Test
    void firstSignInNeverLinksToAnAccountThatOnlyTypedTheAddress() throws Exception {
        UserRepresentation squatter = new UserRepresentation();
        squatter.setUsername("carol@gmail.test");
        squatter.setEmail("carol@gmail.test");
        squatter.setEmailVerified(false);
        squatter.setEnabled(true);
        squatter.setFirstName("Not");
        squatter.setLastName("Carol");
        try (Response created = realm.admin().users().create(squatter)) {
            assertEquals(201, created.getStatus());
        }
        String squatterId = TestUsers.byEmail(realm, "carol@gmail.test").getId();

        browser.open(realm.getBaseUrl() + "/trader4/v1/oauth/google");
        signInAtFakeGoogle("carol", "carol-password");
        new WebDriverWait(browser.driver(), Waits.BOUND).until(d -> d.getPageSource().contains("succeed"));
        String page = browser.driver().findElement(By.tagName("body")).getText();
        assertTrue(page.contains("User logged in successfully"), page);
        List<UserRepresentation> carols = realm.admin().users().searchByEmail("carol@gmail.test", true);
        assertEquals(1, carols.size());
        assertNotEquals(squatterId, carols.get(0).getId(), "Carol got an account of her own");
        assertEquals("google", realm.admin().users().get(carols.get(0).getId()).getFederatedIdentity().get(0).getIdentityProvider());
        UserRepresentation after = realm.admin().users().get(squatterId).toRepresentation();
        assertNull(after.getEmail(), "the account that never verified the address lost it");
        assertTrue(realm.admin().users().get(squatterId).getFederatedIdentity().isEmpty(), "and got no Google link");
    }

    @Test
    void loginPageOffersGoogleBesideTheOtpForm() {
        browser.open(realm.getBaseUrl() + "/account");
        new WebDriverWait(browser.driver(), Waits.BOUND).until(d -> !d.findElements(By.id("social-google")).isEmpty());
        assertFalse(browser.driver().findElements(By.id("kc-trader4-otp-identifier-form")).isEmpty(), "the OTP form is there too");
        Screenshots.save(browser.driver(), "09-google-beside-otp-en");

        new WebDriverWait(browser.driver(), Waits.BOUND).until(ExpectedConditions.elementToBeClickable(By.id("social-google"))).click();
        signInAtFakeGoogle("alice", "alice-password");
        new WebDriverWait(browser.driver(), Waits.BOUND).until(d -> d.getCurrentUrl().startsWith(realm.getBaseUrl() + "/account"));
        assertEquals(1, realm.admin().users().searchByEmail("alice@gmail.test", true).size(), "signed in to the account console as alice");
    }

    @Test
    void unregisteredRedirectBadStateAndCancelledLoginAreClearErrors() throws Exception {
        HttpResponse<String> unregistered = api.raw(HttpRequest.newBuilder(URI.create(realm.getBaseUrl()
                + "/trader4/v1/oauth/google?redirect_uri=https://evil.example/steal")).GET().build());
        assertEquals(400, unregistered.statusCode(), unregistered.body());
        assertEquals("invalid_request", ApiClient.parse(unregistered.body()).path("error").asText());

        HttpResponse<String> badState = api.raw(HttpRequest.newBuilder(URI.create(realm.getBaseUrl()
                + "/trader4/v1/oauth/google/callback?code=abc&state=forged")).GET().build());
        assertEquals(400, badState.statusCode(), badState.body());
        assertEquals("invalid_state", ApiClient.parse(badState.body()).path("error").asText());

        HttpResponse<String> started = api.raw(HttpRequest.newBuilder(URI.create(realm.getBaseUrl()
                + "/trader4/v1/oauth/google?redirect_uri=" + APP_CALLBACK + "&state=s2&code_challenge=" + CHALLENGE
                + "&code_challenge_method=S256")).GET().build());
        assertEquals(303, started.statusCode());
        String location = started.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("kc_idp_hint=google") && location.contains("code_challenge_method=S256"), location);
        String state = location.replaceAll(".*[?&]state=([^&]+).*", "$1");
        HttpResponse<String> cancelled = api.raw(HttpRequest.newBuilder(URI.create(realm.getBaseUrl()
                + "/trader4/v1/oauth/google/callback?error=access_denied&state=" + state)).GET().build());
        assertEquals(303, cancelled.statusCode(), cancelled.body());
        String back = cancelled.headers().firstValue("Location").orElseThrow();
        assertTrue(back.startsWith(APP_CALLBACK + "?error=access_denied") && back.endsWith("state=s2"), back);

        HttpResponse<String> replayedState = api.raw(HttpRequest.newBuilder(URI.create(realm.getBaseUrl()
                + "/trader4/v1/oauth/google/callback?code=abc&state=" + state)).GET().build());
        assertEquals(400, replayedState.statusCode(), "a state works once");
    }

    @Test
    void anAppOnAPlainHttpRedirectMustUsePkceAndTheCodeRedeemsOnlyWithItsVerifier() throws Exception {
        HttpResponse<String> withoutPkce = api.raw(HttpRequest.newBuilder(URI.create(realm.getBaseUrl()
                + "/trader4/v1/oauth/google?redirect_uri=" + APP_CALLBACK)).GET().build());
        assertEquals(400, withoutPkce.statusCode(), withoutPkce.body());
        assertTrue(withoutPkce.body().contains("code_challenge"), withoutPkce.body());
        HttpResponse<String> plain = api.raw(HttpRequest.newBuilder(URI.create(realm.getBaseUrl()
                + "/trader4/v1/oauth/google?redirect_uri=" + APP_CALLBACK + "&code_challenge=" + VERIFIER
                + "&code_challenge_method=plain")).GET().build());
        assertEquals(400, plain.statusCode(), "only S256: " + plain.body());

        browser.open(startAt(APP_CALLBACK, "pkce-1", VERIFIER));
        signInAtFakeGoogle("alice", "alice-password");
        String intercepted = APP_RECEIVED.poll(Waits.BOUND.toMillis(), TimeUnit.MILLISECONDS).get("code");
        Answer noVerifier = api.postJson("google/token", Map.of("code", intercepted));
        assertEquals(400, noVerifier.status(), "a code read off the redirect is worth nothing alone: " + noVerifier);
        assertEquals("invalid_code", noVerifier.error());
        Answer afterwards = api.postJson("google/token", Map.of("code", intercepted, "code_verifier", VERIFIER));
        assertEquals(400, afterwards.status(), "a failed redemption uses the code up: " + afterwards);

        String otherVerifier = "another-verifier-of-the-app-0123456789-abcdefghij";
        browser.open(startAt(APP_CALLBACK, "pkce-2", otherVerifier));
        String code = APP_RECEIVED.poll(Waits.BOUND.toMillis(), TimeUnit.MILLISECONDS).get("code");
        Answer wrongVerifier = api.postJson("google/token", Map.of("code", code, "code_verifier", VERIFIER));
        assertEquals(400, wrongVerifier.status(), wrongVerifier.toString());

        browser.open(startAt(APP_CALLBACK, "pkce-3", otherVerifier));
        code = APP_RECEIVED.poll(Waits.BOUND.toMillis(), TimeUnit.MILLISECONDS).get("code");
        Answer redeemed = api.postJson("google/token", Map.of("code", code, "code_verifier", otherVerifier));
        assertEquals(200, redeemed.status(), redeemed.toString());
        assertEquals("alice@gmail.test", redeemed.results().path("email").asText());
    }

    @Test
    void aSecondFactorTheUserEnrolledIsAskedAfterGoogle() throws Exception {
        daveWithAnAuthenticatorApp();

        browser.open(realm.getBaseUrl() + "/trader4/v1/oauth/google");
        signInAtFakeGoogle("dave", "dave-password");
        WebDriverWait wait = new WebDriverWait(browser.driver(), Waits.BOUND);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("otp")));
        assertFalse(browser.driver().getPageSource().contains("access_token"), "no tokens before the second factor");
        Screenshots.save(browser.driver(), "09-google-then-second-factor-en");
        browser.driver().findElement(By.id("otp")).sendKeys(SecondFactorIT.appCode(java.time.Instant.now()));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("kc-login"))).click();
        wait.until(d -> d.getPageSource().contains("succeed"));
        String page = browser.driver().findElement(By.tagName("body")).getText();
        assertTrue(page.contains("User logged in successfully") && page.contains("dave@gmail.test"), page);
    }

    @Test
    void withoutAPostLoginStepAnAccountWithASecondFactorGetsNoTokensAndNoSession() throws Exception {
        String daveId = daveWithAnAuthenticatorApp();
        IdentityProviderRepresentation idp = realm.admin().identityProviders().get("google").toRepresentation();
        idp.setPostBrokerLoginFlowAlias(null);
        realm.admin().identityProviders().get("google").update(idp);
        try {
            browser.open(realm.getBaseUrl() + "/trader4/v1/oauth/google");
            signInAtFakeGoogle("dave", "dave-password");
            new WebDriverWait(browser.driver(), Waits.BOUND).until(d -> d.getPageSource().contains("second_factor_required"));
            assertFalse(browser.driver().getPageSource().contains("access_token"));
            assertTrue(realm.admin().users().get(daveId).getUserSessions().isEmpty(),
                    "the session Google alone made is ended, not left behind for the browser");
        } finally {
            idp.setPostBrokerLoginFlowAlias("trader4 after Google sign-in");
            realm.admin().identityProviders().get("google").update(idp);
        }
    }

    @Test
    void aCallbackNeverCallsOutToTheHostItNames() throws Exception {
        List<String> evilSaw = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        evil.createContext("/", exchange -> {
            evilSaw.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] forged = "{\"access_token\":\"forged\",\"token_type\":\"Bearer\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, forged.length);
            exchange.getResponseBody().write(forged);
            exchange.close();
        });
        evil.start();
        try {
                HttpResponse<String> started = api.raw(HttpRequest.newBuilder(URI.create(realm.getBaseUrl()
                    + "/trader4/v1/oauth/google")).GET().build());
            String state = started.headers().firstValue("Location").orElseThrow().replaceAll(".*[?&]state=([^&]+).*", "$1");
            URI base = URI.create(realm.getBaseUrl());
            String answer = net.trader4.keycloak.it.support.RawHttp.get(base.getHost(), base.getPort(), base.getPath() + "/trader4/v1/oauth/google/callback?code=forged-code&state=" + state,
                    "127.0.0.1:" + evil.getAddress().getPort());
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("invalid_code"), answer);
            assertTrue(evilSaw.isEmpty(), "the server called the host the request named: " + evilSaw);
        } finally {
            evil.stop(0);
        }
    }

    /** Dave's account here, afresh, with an authenticator app: Google knows him as dave@gmail.test. */
    private String daveWithAnAuthenticatorApp() {
        realm.admin().users().searchByEmail("dave@gmail.test", true).forEach(u -> realm.admin().users().get(u.getId()).remove());
        SecondFactorIT.newUserWithApp(realm, "dave@gmail.test");
        return TestUsers.byEmail(realm, "dave@gmail.test").getId();
    }

    private String startAt(String appRedirect, String appState, String verifier) {
        return realm.getBaseUrl() + "/trader4/v1/oauth/google?redirect_uri=" + appRedirect + "&state=" + appState
                + "&code_challenge=" + s256(verifier) + "&code_challenge_method=S256";
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void startsFromOneAddressAreCappedBeforeTheyFillTheStateStore() throws Exception {
        LoopbackCaller caller = LoopbackCaller.fresh();
        String start = realm.getBaseUrl().replace("://localhost:", "://127.0.0.1:") + "/trader4/v1/oauth/google";
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.googleStartsPerIpPerHour", "2"));
        try {
            assertEquals(303, caller.get(start).status());
            assertEquals(303, caller.get(start).status());
            LoopbackCaller.Reply capped = caller.get(start);
            assertEquals(429, capped.status(), capped.toString());
            assertEquals("rate_limited", capped.error());
            assertTrue(Long.parseLong(capped.header("Retry-After")) > 0, capped.head());
            assertEquals(303, LoopbackCaller.fresh().get(start).status(), "another address has its own budget");
        } finally {
            TestUsers.removeRealmAttribute(realm, "trader4.otp.googleStartsPerIpPerHour");
        }
    }

    private void signInAtFakeGoogle(String username, String password) {
        // A cold browser and a first page render can take longer than the framework's 5 s wait.
        WebDriverWait wait = new WebDriverWait(browser.driver(), Waits.BOUND);
        try {
            wait.until(d -> d.getCurrentUrl().contains("/realms/fake-google/"));
        } catch (TimeoutException e) {
            throw new AssertionError("not at the stand-in Google but at " + browser.getCurrentUrl() + ":\n"
                    + browser.driver().findElement(By.tagName("body")).getText(), e);
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("kc-login"))).click();
    }
}
