package net.trader4.keycloak.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.it.support.Mailbox;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.Waits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.support.ui.FluentWait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Email sign-in over {@code /v1/oauth/sign} and {@code /verify} against the real Keycloak
 * distribution with the bundle installed, the demo realm of {@code ./run.sh} and a real SMTP
 * server.
 */
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class OtpApiIT {

    private static final String DEMO_EMAIL = "hi@trader4.net";
    private static final String RESEND_COOLDOWN = "trader4.otp.resendCooldownSeconds";
    /** A resend cooldown short enough to wait for (the realm's default is 30 s). */
    private static final int SHORT_COOLDOWN_SECONDS = 3;

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    ApiClient api;

    @BeforeEach
    void relaxNetworkLimits() {
        api = new ApiClient(realm.getBaseUrl());
        TestUsers.liftPerIpCaps(realm);
    }

    @Test
    void emailedCodeSignsInWithTokensKeycloakHonours() {
        TestUsers.setRealmAttributes(realm, Map.of(RESEND_COOLDOWN, String.valueOf(SHORT_COOLDOWN_SECONDS)));
        try {
            String secret = resourceServerSecret();
            int seen = Mailbox.messagesTo(mail, DEMO_EMAIL).length;
            long firstSignSent = System.nanoTime();
            Answer sign = api.sign(DEMO_EMAIL);
            assertEquals(200, sign.status(), sign.toString());
            assertTrue(sign.succeed());
            assertEquals("Response successfully returned", sign.message());
            assertTrue(sign.results().isArray() && sign.results().isEmpty(), sign.toString());
            assertTrue(sign.body().path("metas").isArray());
            assertEquals("no-store", noStore(sign.header("Cache-Control")));

            String code = Mailbox.codeSentTo(mail, DEMO_EMAIL, seen);
            Answer verify = api.postForm("verify", Map.of("id", "Hi@Trader4.net", "code", code));
            assertEquals(200, verify.status(), verify.toString());
            assertEquals("User logged in successfully", verify.message());
            JsonNode profile = verify.results();
            assertEquals("Hi", profile.path("first_name").asText());
            assertTrue(profile.has("middle_name") && profile.get("middle_name").isNull(), "unknown fields are null, not absent");
            assertEquals("Trader", profile.path("last_name").asText());
            assertEquals(DEMO_EMAIL, profile.path("email").asText());
            assertEquals("+447888872720", profile.path("mobile").asText());
            assertEquals("+445528888852", profile.path("phone_number").asText());
            assertEquals("GBR", profile.path("country").asText(), "ISO 3166-1 alpha-3, as the contract says");
            assertEquals("en", profile.path("language").asText());
            assertEquals("Europe/London", profile.path("timezone").asText());
            assertEquals("EUR", profile.path("currency").asText());
            assertFalse(profile.path("private").asBoolean(true));
            assertEquals("bearer", profile.path("token_type").asText());
            assertTrue(profile.path("expires_in").asInt() > 0);
            String accessToken = profile.path("access_token").asText();
            String refreshToken = profile.path("refresh_token").asText();
            assertEquals(3, accessToken.split("\\.").length, "a JWT");
            assertFalse(refreshToken.isEmpty());
            assertFalse(profile.path("id_token").asText().isEmpty());

            // Keycloak's own endpoints accept the tokens.
            HttpResponse<String> userinfo = api.raw(HttpRequest.newBuilder(URI.create(oidc("userinfo")))
                    .header("Authorization", "Bearer " + accessToken).GET().build());
            assertEquals(200, userinfo.statusCode(), userinfo.body());
            assertEquals(DEMO_EMAIL, ApiClient.parse(userinfo.body()).path("email").asText());

            HttpResponse<String> introspection = api.raw(HttpRequest.newBuilder(URI.create(oidc("token/introspect")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("it-introspector:" + secret).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + accessToken)).build());
            assertEquals(200, introspection.statusCode(), introspection.body());
            JsonNode introspected = ApiClient.parse(introspection.body());
            assertTrue(introspected.path("active").asBoolean(), introspection.body());
            assertEquals("trader4-api", introspected.path("azp").asText());

            HttpResponse<String> refreshed = api.raw(HttpRequest.newBuilder(URI.create(oidc("token")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=trader4-api&refresh_token=" + refreshToken)).build());
            assertEquals(200, refreshed.statusCode(), refreshed.body());
            assertFalse(ApiClient.parse(refreshed.body()).path("access_token").asText().isEmpty());

            List<EventRepresentation> logins = realm.admin().getEvents(List.of("LOGIN"), "trader4-api", null, null, null, null, 0, 10);
            assertFalse(logins.isEmpty(), "a LOGIN event is recorded");
            assertEquals("trader4-otp", logins.get(0).getDetails().get("auth_type"));

            // last_connection: the previous sign-in, then updated. A second code comes once the resend cooldown is over.
            int before = Mailbox.messagesTo(mail, DEMO_EMAIL).length;
            Answer resent = signOnceTheCooldownIsOver(DEMO_EMAIL);
            assertEquals(200, resent.status(), resent.toString());
            long sinceFirstSign = (System.nanoTime() - firstSignSent) / 1_000_000;
            assertTrue(sinceFirstSign >= SHORT_COOLDOWN_SECONDS * 1000L,
                    "no second code before the cooldown ended: " + sinceFirstSign + " ms");
            Answer second = api.verify(DEMO_EMAIL, Mailbox.codeSentTo(mail, DEMO_EMAIL, before));
            assertEquals(200, second.status(), second.toString());
            assertTrue(second.results().path("last_connection").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), second.toString());
        } finally {
            TestUsers.removeRealmAttribute(realm, RESEND_COOLDOWN);
        }
    }

    @Test
    void fiveWrongCodesLockTheCode() {
        String email = TestUsers.newEmailUser(realm);
        assertEquals(200, api.sign(email).status());
        String code = Mailbox.codeSentTo(mail, email, 0);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 4; i++) {
            Answer answer = api.verify(email, wrong);
            assertEquals(400, answer.status(), answer.toString());
            assertEquals("invalid_code", answer.error());
            assertTrue(answer.message().contains((5 - i) + " tr"), answer.message());
        }
        Answer fifth = api.verify(email, wrong);
        assertEquals(429, fifth.status(), fifth.toString());
        assertEquals("too_many_attempts", fifth.error());
        Answer right = api.verify(email, code);
        assertEquals(429, right.status(), "the right code no longer works once locked: " + right);
        assertEquals("too_many_attempts", right.error());
    }

    @Test
    void expiredCodeIsRefused() {
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.codeTtlSeconds", "10")); // the shortest life the realm can set
        try {
            String email = TestUsers.newEmailUser(realm);
            assertEquals(200, api.sign(email).status());
            String code = Mailbox.codeSentTo(mail, email, 0);
            awaitCodesIssuedSoFarExpired();
            Answer late = api.verify(email, code);
            assertEquals(400, late.status(), late.toString());
            assertEquals("expired_code", late.error());
        } finally {
            TestUsers.removeRealmAttribute(realm, "trader4.otp.codeTtlSeconds");
        }
    }

    @Test
    void codeWorksOnceOnly() {
        String email = TestUsers.newEmailUser(realm);
        assertEquals(200, api.sign(email).status());
        String code = Mailbox.codeSentTo(mail, email, 0);
        assertEquals(200, api.verify(email, code).status());
        Answer replay = api.verify(email, code);
        assertEquals(400, replay.status(), replay.toString());
        assertEquals("expired_code", replay.error());
        assertNull(replay.results().path("access_token").textValue());
    }

    @Test
    void disabledOrUnreadyAccountsAndUnfitClientsGetNoTokens() {
        String disabled = TestUsers.newEmailUser(realm);
        assertEquals(200, api.sign(disabled).status());
        String disabledCode = Mailbox.codeSentTo(mail, disabled, 0);
        UserResource disabledUser = realm.admin().users().get(TestUsers.byEmail(realm, disabled).getId());
        UserRepresentation rep = disabledUser.toRepresentation();
        rep.setEnabled(false);
        disabledUser.update(rep);
        assertRefusedWithoutTokens(api.verify(disabled, disabledCode), 403, "account_disabled");

        String unready = TestUsers.newEmailUser(realm);
        UserResource unreadyUser = realm.admin().users().get(TestUsers.byEmail(realm, unready).getId());
        rep = unreadyUser.toRepresentation();
        rep.setRequiredActions(List.of("UPDATE_PROFILE"));
        unreadyUser.update(rep);
        assertEquals(200, api.sign(unready).status());
        assertRefusedWithoutTokens(api.verify(unready, Mailbox.codeSentTo(mail, unready, 0)), 403, "account_not_ready");

        ClientResource apiClient = realm.admin().clients().get(
                realm.admin().clients().findByClientId("trader4-api").get(0).getId());
        ClientRepresentation client = apiClient.toRepresentation();
        String ready = TestUsers.newEmailUser(realm);
        assertEquals(200, api.sign(ready).status());
        String code = Mailbox.codeSentTo(mail, ready, 0);
        try {
            client.setConsentRequired(true);
            apiClient.update(client);
            assertRefusedWithoutTokens(api.verify(ready, code), 503, "client_not_configured");
        } finally {
            client.setConsentRequired(false);
            apiClient.update(client);
        }
        assertEquals(200, api.verify(ready, code).status(), "the refusal consumed nothing");
    }

    /**
     * Asks for a new code until the resend cooldown lets one go. Meanwhile every refusal must be
     * the cooldown's: 429 {@code rate_limited}, retry within the cooldown.
     */
    private Answer signOnceTheCooldownIsOver(String id) {
        return new FluentWait<>(api).withTimeout(Waits.BOUND).pollingEvery(Duration.ofMillis(200))
                .withMessage(() -> "no new code for " + id + " after the cooldown")
                .until(client -> {
                    Answer answer = client.sign(id);
                    if (answer.status() != 429) {
                        return answer;
                    }
                    assertEquals("rate_limited", answer.error(), answer.toString());
                    long retryAfter = Long.parseLong(answer.header("Retry-After"));
                    assertTrue(retryAfter >= 1 && retryAfter <= SHORT_COOLDOWN_SECONDS, "Retry-After " + retryAfter);
                    return null;
                });
    }

    /**
     * Waits, without touching them, until the codes issued so far have expired. A code for another
     * account issued now, with the same life, expires no earlier than they do (issue times are whole
     * seconds of the server's clock), and wrong codes for it tell when it has: {@code invalid_code}
     * while it lives ({@code too_many_attempts} once its tries are spent), {@code expired_code} once it is gone.
     */
    private void awaitCodesIssuedSoFarExpired() {
        String witness = TestUsers.newEmailUser(realm);
        assertEquals(200, api.sign(witness).status());
        String code = Mailbox.codeSentTo(mail, witness, 0);
        String wrong = code.equals("000000") ? "111111" : "000000";
        new FluentWait<>(api).withTimeout(Waits.BOUND).pollingEvery(Duration.ofMillis(250))
                .withMessage(() -> "the code of " + witness + " did not expire")
                .until(client -> {
                    Answer probe = client.verify(witness, wrong);
                    assertTrue(List.of("invalid_code", "too_many_attempts", "expired_code").contains(probe.error()), probe.toString());
                    return "expired_code".equals(probe.error());
                });
    }

    private static void assertRefusedWithoutTokens(Answer answer, int status, String error) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals(error, answer.error());
        assertFalse(answer.raw().body().contains("access_token"), answer.toString());
    }

    @Test
    void unknownAndKnownIdentifiersAnswerAlike() {
        String known = TestUsers.newEmailUser(realm);
        String unknown = "nobody-" + known;
        Answer knownSign = api.sign(known);
        Answer unknownSign = api.sign(unknown);
        assertEquals(knownSign.status(), unknownSign.status());
        assertEquals(knownSign.raw().body(), unknownSign.raw().body());
        assertEquals(0, Mailbox.messagesTo(mail, unknown).length, "nothing is sent to an unknown identifier");

        Answer knownWrong = api.verify(known, "123456");
        Answer unknownWrong = api.verify(unknown, "123456");
        // A guess could be right for the known one; the chance is one in a million.
        assertEquals(knownWrong.status(), unknownWrong.status());
        assertEquals(knownWrong.raw().body(), unknownWrong.raw().body());

        Answer knownAgain = api.sign(known);
        Answer unknownAgain = api.sign(unknown);
        assertEquals(429, knownAgain.status());
        assertEquals(knownAgain.status(), unknownAgain.status());
        assertEquals(knownAgain.error(), unknownAgain.error());
    }

    @Test
    void resendTooSoonIs429WithRetryAfter() {
        String email = TestUsers.newEmailUser(realm);
        assertEquals(200, api.sign(email).status());
        Answer again = api.sign(email);
        assertEquals(429, again.status(), again.toString());
        assertEquals("rate_limited", again.error());
        assertFalse(again.succeed());
        long retryAfter = Long.parseLong(again.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 30, "Retry-After " + retryAfter);
        assertEquals(1, Mailbox.messagesTo(mail, email).length, "the refused request sent nothing");
    }

    @Test
    void perIpCapIs429WithRetryAfter() {
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.sendsPerIpPerHour", "3"));
        try {
            int refused = 0;
            Answer last = null;
            for (int i = 0; i < 6; i++) {
                last = api.sign(TestUsers.newEmailUser(realm));
                if (last.status() == 429) {
                    refused++;
                }
            }
            assertTrue(refused >= 3, "the cap holds: " + last);
            assertEquals("rate_limited", last.error());
            assertTrue(Long.parseLong(last.header("Retry-After")) > 0);
        } finally {
            TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.sendsPerIpPerHour", "100000"));
        }
    }

    @Test
    void badInputGetsClear4xxEnvelopes() {
        assertError(api.post("sign", "application/json", "{\"id\": ".getBytes(StandardCharsets.UTF_8)), 400, "invalid_request");
        assertError(api.post("sign", "application/json", "[\"a\"]".getBytes(StandardCharsets.UTF_8)), 400, "invalid_request");
        assertError(api.post("sign", "application/json", "{\"id\": {\"x\": 1}}".getBytes(StandardCharsets.UTF_8)), 400, "invalid_request");
        assertError(api.post("sign", "text/plain", "id=a@b.c".getBytes(StandardCharsets.UTF_8)), 415, "unsupported_media_type");
        assertError(api.post("sign", "application/json", ("{\"id\":\"" + "a".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8)), 413, "payload_too_large");
        assertError(api.post("sign", "application/json", new byte[]{'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}), 400, "invalid_request");
        assertError(api.post("sign", "application/x-www-form-urlencoded", "id=a&id=b".getBytes(StandardCharsets.UTF_8)), 400, "invalid_request");
        assertError(api.postForm("sign", Map.of("id", "")), 400, "invalid_request");
        Answer hugeForm = api.postForm("sign", Map.of("id", "a".repeat(20_000)));
        assertTrue(hugeForm.status() == 413 || hugeForm.status() == 400, hugeForm.toString());
        assertError(api.postJson("sign", Map.of()), 400, "invalid_request");
        assertError(api.post("sign", null, new byte[0]), 400, "invalid_request");
        assertError(api.sign("not an identifier"), 400, "invalid_identifier");
        assertError(api.sign("a@b"), 400, "invalid_identifier");
        assertError(api.sign("line\nbreak@example.test"), 400, "invalid_identifier");
        assertError(api.sign("+19005550123"), 400, "invalid_identifier");
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.channels", "email"));
        try {
            assertError(api.sign("+447888872720"), 400, "unsupported_identifier");
        } finally {
            TestUsers.removeRealmAttribute(realm, "trader4.otp.channels");
        }
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.allowedIdentifierTypes", "email,mobile,landline"));
        try {
            assertError(api.sign("0x52908400098527886E0F7030069857D2E4169EE7"), 400, "unsupported_identifier");
        } finally {
            TestUsers.removeRealmAttribute(realm, "trader4.otp.allowedIdentifierTypes");
        }
        assertError(api.verify(TestUsers.newEmailUser(realm), "12ab56"), 400, "invalid_request");
        assertError(api.postJson("verify", Map.of("id", "x@example.test")), 400, "invalid_request");
    }

    @Test
    void twentyParallelVerifiesYieldExactlyOneToken() throws Exception {
        String email = TestUsers.newEmailUser(realm);
        assertEquals(200, api.sign(email).status());
        String code = Mailbox.codeSentTo(mail, email, 0);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Callable<Answer> verify = () -> {
                    start.await();
                    return api.verify(email, code);
                };
                answers.add(pool.submit(verify));
            }
            start.countDown();
            int tokens = 0;
            for (Future<Answer> answer : answers) {
                Answer a = answer.get();
                assertTrue(a.status() < 500, a.toString());
                if (a.status() == 200) {
                    assertNotNull(a.results().path("access_token").textValue());
                    tokens++;
                }
            }
            assertEquals(1, tokens);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertError(Answer answer, int status, String error) {
        assertEquals(status, answer.status(), answer.toString());
        assertFalse(answer.succeed(), answer.toString());
        assertEquals(error, answer.error(), answer.toString());
        assertFalse(answer.message() == null || answer.message().isBlank(), answer.toString());
        assertTrue(answer.results().isArray() && answer.results().isEmpty(), answer.toString());
        assertFalse(answer.raw().body().contains("Exception"), "no stack trace: " + answer);
    }

    private String oidc(String endpoint) {
        return realm.getBaseUrl() + "/protocol/openid-connect/" + endpoint;
    }

    private static String noStore(String cacheControl) {
        return cacheControl != null && cacheControl.contains("no-store") ? "no-store" : cacheControl;
    }

    /**
     * A resource server (a confidential client that introspects tokens) and an audience mapper
     * on the API client that puts it into the tokens' audience, as a real deployment would.
     */
    private String resourceServerSecret() {
        List<ClientRepresentation> existing = realm.admin().clients().findByClientId("it-introspector");
        if (existing.isEmpty()) {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId("it-introspector");
            client.setPublicClient(false);
            client.setServiceAccountsEnabled(true);
            client.setStandardFlowEnabled(false);
            try (Response response = realm.admin().clients().create(client)) {
                assertEquals(201, response.getStatus());
            }
            existing = realm.admin().clients().findByClientId("it-introspector");
            ClientRepresentation api = realm.admin().clients().findByClientId("trader4-api").get(0);
            ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
            audience.setName("it-introspector audience");
            audience.setProtocol("openid-connect");
            audience.setProtocolMapper("oidc-audience-mapper");
            audience.setConfig(Map.of("included.client.audience", "it-introspector", "access.token.claim", "true",
                    "introspection.token.claim", "true"));
            try (Response response = realm.admin().clients().get(api.getId()).getProtocolMappers().createMapper(audience)) {
                assertEquals(201, response.getStatus());
            }
        }
        return realm.admin().clients().get(existing.get(0).getId()).getSecret().getValue();
    }
}
