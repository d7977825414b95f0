package net.trader4.keycloak.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import net.trader4.keycloak.testsupport.QrCodes;
import net.trader4.keycloak.it.support.QrApi.Phone;
import net.trader4.keycloak.it.support.QrApi;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.Waits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.support.ui.FluentWait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The QR login API on the real distribution: a desktop creates a QR login, a phone signed in by
 * OTP approves or denies it, the desktop collects tokens of a new session once.
 */
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class QrApiIT {

    private static final String ISO_MICROS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z";
    /** The longest the server holds a check that asks to wait (QrLoginService.MAX_HOLD_SECONDS), in milliseconds. */
    private static final long HOLD_MILLIS = 10_000;

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    ApiClient api;
    QrApi qr;

    @BeforeEach
    void relaxNetworkLimits() {
        api = new ApiClient(realm.getBaseUrl());
        qr = new QrApi(api);
        TestUsers.liftPerIpCaps(realm);
    }

    @Test
    void createAnswersTokenExpiryImageUrlAndSecret() {
        Instant before = Instant.now();
        Answer created = qr.create();
        assertEquals(200, created.status(), created.toString());
        assertTrue(created.succeed());
        assertEquals("Qr Code login image created successfully", created.message());
        assertTrue(created.header("Cache-Control").contains("no-store"));
        JsonNode results = created.results();
        String token = results.path("token").asText();
        assertTrue(token.matches("tr[0-9a-f]{32}"), token);
        String expiredAt = results.path("expired_at").asText();
        assertTrue(expiredAt.matches(ISO_MICROS), expiredAt);
        long life = Duration.between(before, Instant.parse(expiredAt)).toSeconds();
        assertTrue(life >= 115 && life <= 125, "about two minutes: " + life);
        assertEquals(realm.getBaseUrl() + "/trader4/v1/oauth/qr/" + token + ".png", results.path("url").asText());
        assertTrue(results.path("secret").asText().matches("[0-9a-f]{64}"));

        List<EventRepresentation> events = realm.admin().getEvents(List.of("OAUTH2_DEVICE_AUTH"), "trader4-api", null, null, null, null, 0, 50);
        assertTrue(events.stream().anyMatch(e -> "trader4-qr".equals(e.getDetails().get("auth_type"))), "a create event");
        assertTrue(events.stream().noneMatch(e -> e.getDetails().containsValue(token)), "events never hold the token");
    }

    @Test
    void imageIsAQrCodeOfTheApprovalPage() {
        JsonNode created = qr.create().results();
        String token = created.path("token").asText();
        HttpResponse<byte[]> png = bytes(created.path("url").asText());
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertTrue(png.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertTrue(png.headers().firstValue("Content-Disposition").isEmpty());
        assertEquals(realm.getBaseUrl() + "/trader4/v1/oauth/qr/" + token, QrCodes.read(png.body()));

        HttpResponse<byte[]> download = bytes(created.path("url").asText() + "?dl");
        assertEquals(200, download.statusCode());
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));

        HttpResponse<byte[]> unknown = bytes(realm.getBaseUrl() + "/trader4/v1/oauth/qr/tr" + "0".repeat(32) + ".png");
        assertEquals(404, unknown.statusCode());
        assertEquals("unknown_token", ApiClient.parse(new String(unknown.body(), StandardCharsets.UTF_8)).path("error").asText());
    }

    @Test
    void approvedLoginGivesTokensOfANewSessionExactlyOnce() throws Exception {
        Phone phone = qr.signedInPhone(realm, mail);
        JsonNode created = qr.create().results();
        String token = created.path("token").asText();
        String secret = created.path("secret").asText();

        Answer pending = qr.check(token, secret);
        assertEquals(202, pending.status(), pending.toString());
        assertFalse(pending.succeed());
        assertEquals("authorization_pending", pending.error());

        // The access token as the contract documents it: the bare token, no "Bearer ".
        Answer approved = qr.authorize(phone.accessToken(), token, null);
        assertEquals(200, approved.status(), approved.toString());
        assertEquals("Response successfully returned", approved.message());
        assertTrue(approved.results().isArray() && approved.results().isEmpty());

        Answer signedIn = qr.check(token, secret);
        assertEquals(200, signedIn.status(), signedIn.toString());
        assertEquals("User logged in successfully", signedIn.message());
        JsonNode profile = signedIn.results();
        assertEquals(phone.email(), profile.path("email").asText());
        assertEquals("bearer", profile.path("token_type").asText());
        String accessToken = profile.path("access_token").asText();
        assertNotEquals(phone.accessToken(), accessToken);
        assertNotEquals(ApiClient.claims(phone.accessToken()).path("sid").asText(), ApiClient.claims(accessToken).path("sid").asText(),
                "a new session, not the phone's");
        assertEquals("trader4-api", ApiClient.claims(accessToken).path("azp").asText());

        HttpResponse<String> userinfo = api.raw(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + accessToken).GET().build());
        assertEquals(200, userinfo.statusCode(), userinfo.body());

        Answer again = qr.check(token, secret);
        assertEquals(409, again.status(), again.toString());
        assertEquals("already_claimed", again.error());

        String userId = TestUsers.byEmail(realm, phone.email()).getId();
        List<EventRepresentation> logins = realm.admin().getEvents(List.of("LOGIN"), "trader4-api", userId, null, null, null, 0, 10);
        assertTrue(logins.stream().anyMatch(e -> "trader4-qr".equals(e.getDetails().get("auth_type"))), "a LOGIN event of the claim");
        List<EventRepresentation> approvals = realm.admin().getEvents(List.of("OAUTH2_DEVICE_VERIFY_USER_CODE"), null, userId, null, null, null, 0, 10);
        assertEquals("approve", approvals.get(0).getDetails().get("qr_decision"));
    }

    @Test
    void deniedLoginIsRefusedAndTheDecisionIsFinal() {
        Phone phone = qr.signedInPhone(realm, mail);
        JsonNode created = qr.create().results();
        String token = created.path("token").asText();

        Answer denied = qr.authorize("Bearer " + phone.accessToken(), token, "deny");
        assertEquals(200, denied.status(), denied.toString());
        Answer check = qr.check(token, created.path("secret").asText());
        assertEquals(403, check.status(), check.toString());
        assertEquals("access_denied", check.error());
        Answer late = qr.authorize("Bearer " + phone.accessToken(), token, null);
        assertEquals(409, late.status(), late.toString());
        assertEquals("already_decided", late.error());

        String userId = TestUsers.byEmail(realm, phone.email()).getId();
        List<EventRepresentation> denials = realm.admin().getEvents(List.of("OAUTH2_DEVICE_VERIFY_USER_CODE_ERROR"), null, userId, null, null, null, 0, 10);
        assertEquals("deny", denials.get(0).getDetails().get("qr_decision"));
    }

    @Test
    void onlyTheRequesterSecretCollects() {
        Phone phone = qr.signedInPhone(realm, mail);
        JsonNode created = qr.create().results();
        String token = created.path("token").asText();
        assertEquals(200, qr.authorize(phone.accessToken(), token, null).status());

        Answer noSecret = qr.check(token, null);
        assertEquals(400, noSecret.status(), noSecret.toString());
        assertEquals("secret_required", noSecret.error());
        Answer otherSecret = qr.check(token, qr.create().results().path("secret").asText());
        assertEquals(403, otherSecret.status(), otherSecret.toString());
        assertEquals("invalid_secret", otherSecret.error());
        Answer garbage = qr.check(token, "nope");
        assertEquals(403, garbage.status(), garbage.toString());
        assertEquals(200, qr.check(token, created.path("secret").asText()).status(), "the refusals consumed nothing");
    }

    @Test
    void tokenOnlyCheckNeedsTheCompatibilitySwitch() {
        Phone phone = qr.signedInPhone(realm, mail);
        TestUsers.setRealmAttributes(realm, Map.of("trader4.qr.allowTokenOnlyCheck", "true"));
        try {
            String token = qr.create().results().path("token").asText();
            assertEquals(202, qr.check(token, null).status());
            assertEquals(200, qr.authorize(phone.accessToken(), token, null).status());
            Answer legacy = qr.check(token, null);
            assertEquals(200, legacy.status(), legacy.toString());
            assertEquals(phone.email(), legacy.results().path("email").asText());

            String another = qr.create().results().path("token").asText();
            Answer wrong = qr.check(another, "f".repeat(64));
            assertEquals(403, wrong.status(), "a secret that is sent is still checked: " + wrong);
        } finally {
            TestUsers.removeRealmAttribute(realm, "trader4.qr.allowTokenOnlyCheck");
        }
        String token = qr.create().results().path("token").asText();
        assertEquals("secret_required", qr.check(token, null).error());
    }

    @Test
    void expiredLoginCanNeitherBeApprovedNorCollected() {
        Phone phone = qr.signedInPhone(realm, mail);
        TestUsers.setRealmAttributes(realm, Map.of("trader4.qr.ttlSeconds", "10")); // the shortest life the realm can set
        try {
            JsonNode created = qr.create().results();
            String token = created.path("token").asText();
            String secret = created.path("secret").asText();
            Answer check = new FluentWait<>(qr).withTimeout(Waits.BOUND).pollingEvery(Duration.ofMillis(250))
                    .withMessage(() -> "the QR login " + token + " did not expire")
                    .until(desktop -> {
                        Answer answer = desktop.check(token, secret);
                        if (answer.status() == 202) {
                            assertEquals("authorization_pending", answer.error(), answer.toString());
                            return null;
                        }
                        return answer;
                    });
            assertEquals(410, check.status(), check.toString());
            assertEquals("expired_token", check.error());
            Answer approve = qr.authorize(phone.accessToken(), token, null);
            assertEquals(410, approve.status(), approve.toString());
            assertEquals("expired_token", approve.error());
            Answer again = qr.check(token, secret);
            assertEquals(410, again.status(), again.toString());
            assertEquals("expired_token", again.error());
        } finally {
            TestUsers.removeRealmAttribute(realm, "trader4.qr.ttlSeconds");
        }
    }

    @Test
    void unknownAndMalformedTokensAreTold() {
        Phone phone = qr.signedInPhone(realm, mail);
        String unknown = "tr" + "ab".repeat(16);
        assertEquals("unknown_token", qr.check(unknown, "a".repeat(64)).error());
        assertEquals(404, qr.authorize(phone.accessToken(), unknown, null).status());
        Answer malformed = qr.check("tr44670677563e9edb832e43", "a".repeat(64));
        assertEquals(400, malformed.status(), malformed.toString());
        assertEquals("invalid_request", malformed.error());
    }

    @Test
    void authorizeNeedsAnActiveAccessTokenOfThisRealm() {
        Phone phone = qr.signedInPhone(realm, mail);
        JsonNode created = qr.create().results();
        String token = created.path("token").asText();
        assertInvalidAccessToken(qr.authorize(null, token, null));
        assertInvalidAccessToken(qr.authorize("Bearer ", token, null));
        assertInvalidAccessToken(qr.authorize("Bearer not.a.jwt", token, null));
        assertInvalidAccessToken(qr.authorize(phone.refreshToken(), token, null));
        String tampered = phone.accessToken().substring(0, phone.accessToken().length() - 4) + "AAAA";
        assertInvalidAccessToken(qr.authorize(tampered, token, null));
        Answer badAction = qr.authorize(phone.accessToken(), token, "maybe");
        assertEquals(400, badAction.status(), badAction.toString());
        assertEquals(202, qr.check(token, created.path("secret").asText()).status(), "still pending after the refusals");
    }

    @Test
    void aTokenTheUserHoldsForAnotherClientCannotApprove() {
        String email = TestUsers.newEmailUser(realm);
        String otherClient = "unrelated-app-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String clientUuid = TestUsers.newDirectGrantClient(realm, otherClient);
        try {
            TestUsers.setPassword(realm, email, "a-long-test-password-1");
            String foreignToken = TestUsers.passwordGrant(realm, otherClient, email, "a-long-test-password-1");
            assertEquals(otherClient, ApiClient.claims(foreignToken).path("azp").asText());
            JsonNode created = qr.create().results();
            String token = created.path("token").asText();

            Answer refused = qr.authorize(foreignToken, token, null);
            assertEquals(403, refused.status(), refused.toString());
            assertEquals("token_not_accepted", refused.error());
            assertEquals(202, qr.check(token, created.path("secret").asText()).status(), "still pending after the refusal");

            // A client the realm names may approve.
            TestUsers.setRealmAttributes(realm, Map.of("trader4.qr.approvingClientIds", "some-app " + otherClient));
            Answer approved = qr.authorize(foreignToken, token, null);
            assertEquals(200, approved.status(), approved.toString());
        } finally {
            TestUsers.removeRealmAttribute(realm, "trader4.qr.approvingClientIds");
            realm.admin().clients().get(clientUuid).remove();
        }
    }

    @Test
    void ofTwoConcurrentApprovalsOneWins() throws Exception {
        Phone first = qr.signedInPhone(realm, mail);
        Phone second = qr.signedInPhone(realm, mail);
        JsonNode created = qr.create().results();
        String token = created.path("token").asText();
        List<Answer> answers = concurrently(List.of(
                () -> qr.authorize(first.accessToken(), token, null),
                () -> qr.authorize(second.accessToken(), token, null)));
        assertEquals(1, answers.stream().filter(a -> a.status() == 200).count(), answers.toString());
        assertEquals(1, answers.stream().filter(a -> "already_decided".equals(a.error())).count(), answers.toString());
        String winner = answers.get(0).status() == 200 ? first.email() : second.email();
        Answer signedIn = qr.check(token, created.path("secret").asText());
        assertEquals(winner, signedIn.results().path("email").asText(), "the first decision is the one that counts");
    }

    @Test
    void ofConcurrentChecksOneGetsTokens() throws Exception {
        Phone phone = qr.signedInPhone(realm, mail);
        JsonNode created = qr.create().results();
        String token = created.path("token").asText();
        String secret = created.path("secret").asText();
        assertEquals(200, qr.authorize(phone.accessToken(), token, null).status());
        List<Callable<Answer>> checks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            checks.add(() -> qr.check(token, secret));
        }
        List<Answer> answers = concurrently(checks);
        assertEquals(1, answers.stream().filter(a -> a.status() == 200).count(), answers.toString());
        assertEquals(9, answers.stream().filter(a -> "already_claimed".equals(a.error())).count(), answers.toString());
        assertTrue(answers.stream().allMatch(a -> a.status() < 500));
    }

    @Test
    void longPollAnswersAsSoonAsThePhoneApproves() throws Exception {
        Phone phone = qr.signedInPhone(realm, mail);
        JsonNode created = qr.create().results();
        String token = created.path("token").asText();
        String secret = created.path("secret").asText();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<TimedAnswer> waiting = pool.submit(() -> desktopWaitingFor(token, secret));
            // Approve only once the desktop's check waits on the server. A token has one waiting check
            // at a time, so a second check that asks to wait is refused slow_down exactly then.
            new FluentWait<>(api).withTimeout(Waits.BOUND).pollingEvery(Duration.ofMillis(100))
                    .withMessage(() -> "the desktop's check never waited on the server")
                    .until(probe -> {
                        assertFalse(waiting.isDone(), "the desktop's check answered before the approval");
                        return isSlowDown(longPoll(probe, token, secret, 1));
                    });
            assertEquals(200, qr.authorize(phone.accessToken(), token, null).status());
            TimedAnswer answer = waiting.get(Waits.BOUND.toSeconds(), TimeUnit.SECONDS);
            assertEquals(200, answer.answer().status(), answer.answer().toString());
            // A check that slept through the approval would answer at the end of its hold, more than
            // HOLD_MILLIS - 500 after it was sent: while it holds a check, the server looks every 500 ms.
            assertTrue(answer.millis() < HOLD_MILLIS - 1_000, "answered on approval, not at the end of the wait: "
                    + answer.millis() + " ms");
        } finally {
            pool.shutdownNow();
        }
        Answer tooLong = api.postJson("qr", Map.of("token", token, "secret", secret, "wait", 26));
        assertEquals(400, tooLong.status(), tooLong.toString());
        assertEquals("invalid_request", api.postJson("qr", Map.of("token", token, "wait", "soon")).error());
    }

    /** An answer and how long after its request was sent it came, in milliseconds. */
    private record TimedAnswer(Answer answer, long millis) {
    }

    /**
     * The desktop's check, asking to wait 20 s (the server holds it {@link #HOLD_MILLIS} at most). A
     * probe may hold the token's waiting seat for a moment; a check refused slow_down then is sent again.
     */
    private TimedAnswer desktopWaitingFor(String token, String secret) throws InterruptedException {
        long deadline = System.nanoTime() + Waits.BOUND.toNanos();
        while (true) {
            long sent = System.nanoTime();
            Answer answer = longPoll(api, token, secret, 20);
            if (!isSlowDown(answer) || System.nanoTime() > deadline) {
                return new TimedAnswer(answer, (System.nanoTime() - sent) / 1_000_000);
            }
            Thread.sleep(100); // the poll interval, not a wait for the state
        }
    }

    private static Answer longPoll(ApiClient api, String token, String secret, int waitSeconds) {
        return api.postJson("qr", Map.of("token", token, "secret", secret, "wait", waitSeconds));
    }

    private static boolean isSlowDown(Answer answer) {
        return answer.status() == 429 && "slow_down".equals(answer.error());
    }

    @Test
    void createIsRateLimitedPerIp() {
        TestUsers.setRealmAttributes(realm, Map.of("trader4.qr.createsPerIpPerHour", "3"));
        try {
            Answer last = null;
            int refused = 0;
            for (int i = 0; i < 5; i++) {
                last = qr.create();
                if (last.status() == 429) {
                    refused++;
                }
            }
            assertTrue(refused >= 2, "the cap holds: " + last);
            assertEquals("rate_limited", last.error());
            assertTrue(Long.parseLong(last.header("Retry-After")) > 0);
        } finally {
            TestUsers.setRealmAttributes(realm, Map.of("trader4.qr.createsPerIpPerHour", "10000"));
        }
    }

    @Test
    void approvalPageSendsAPhoneWithoutSessionToTheRealmLogin() {
        String token = qr.create().results().path("token").asText();
        HttpResponse<String> page = api.raw(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/trader4/v1/oauth/qr/" + token))
                .GET().build());
        assertEquals(303, page.statusCode(), page.body());
        String location = page.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith(realm.getBaseUrl() + "/protocol/openid-connect/auth?"), location);
        assertTrue(location.contains("client_id=trader4-qr"), location);
        HttpResponse<String> forged = api.raw(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/trader4/v1/oauth/qr/" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("decision=approve&csrf=x")).build());
        assertEquals(401, forged.statusCode(), "no session, no decision");
        HttpResponse<String> json = api.raw(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/trader4/v1/oauth/qr/" + token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"approve\"}")).build());
        assertEquals(401, json.statusCode());
        HttpResponse<String> malformed = api.raw(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/trader4/v1/oauth/qr/x<y"
                .replace("<", "%3C"))).GET().build());
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertFalse(malformed.body().contains("x<y"), "nothing from the request is echoed unescaped");
        HttpResponse<String> status = api.raw(HttpRequest.newBuilder(URI.create(realm.getBaseUrl()
                + "/trader4/qr-login-status")).GET().build());
        assertEquals(400, status.statusCode(), status.body());
    }

    @Test
    void approvalPagesAreThemePagesNeverFramedCachedOrScriptedInline() {
        String unknown = realm.getBaseUrl() + "/trader4/v1/oauth/qr/tr" + "0".repeat(32);
        HttpResponse<String> german = api.raw(HttpRequest.newBuilder(URI.create(unknown + "?kc_locale=de")).GET().build());
        assertEquals(404, german.statusCode(), german.body());
        assertTrue(german.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(german.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertEquals("DENY", german.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", german.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-referrer", german.headers().firstValue("Referrer-Policy").orElse(""));
        List<String> policies = german.headers().allValues("Content-Security-Policy");
        assertTrue(policies.stream().anyMatch(p -> p.contains("frame-ancestors 'none'") && p.contains("script-src 'self';")
                && p.contains("form-action 'self'")), policies.toString());
        assertTrue(german.body().contains("data-page-id=\"login-trader4-qr-approval-message\""), "the login theme's page");
        assertTrue(german.body().contains("Dieser QR-Code ist unbekannt."), german.body());
        assertTrue(german.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("KEYCLOAK_LOCALE=de;")),
                "a picked language is remembered as on Keycloak's own pages");

        HttpResponse<String> junk = api.raw(HttpRequest.newBuilder(URI.create(unknown + "?kc_locale=%22%3E%3Cscript%3E&ui_locales=x%0D%0Ay"))
                .GET().build());
        assertEquals(404, junk.statusCode(), junk.body());
        assertTrue(junk.body().contains("This QR code is unknown."), junk.body());
        assertFalse(junk.body().contains("\"><script>"), "nothing of the address is echoed");
        assertTrue(junk.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("KEYCLOAK_LOCALE=")),
                "only a language the realm supports reaches a cookie");
    }

    private static void assertInvalidAccessToken(Answer answer) {
        assertEquals(401, answer.status(), answer.toString());
        assertEquals("invalid_access_token", answer.error());
        assertFalse(answer.raw().body().contains("Exception"));
    }

    private HttpResponse<byte[]> bytes(String url) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Answer> concurrently(List<Callable<Answer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (Callable<Answer> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                Answer answer = future.get();
                assertNotNull(answer);
                answers.add(answer);
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
