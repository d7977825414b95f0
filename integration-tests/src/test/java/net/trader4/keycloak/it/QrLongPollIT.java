package net.trader4.keycloak.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.it.support.QrApi;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hundreds of QR checks that ask to wait for the phone at once must not take Keycloak's worker
 * threads from everyone else: a few wait, the rest are answered {@code 429 slow_down} at once, and
 * Keycloak's own endpoints and the API answer all along.
 */
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class QrLongPollIT {

    private static final int POLLS = 300;
    /** {@code LongPollSeats.PER_NODE}, as docs/qr-login.md states it. */
    private static final int SEATS_PER_NODE = 16;
    /** The default of {@code trader4.qr.waitingChecksPerAddress}. */
    private static final int SEATS_PER_ADDRESS = 4;
    private static final String PER_ADDRESS = "trader4.qr.waitingChecksPerAddress";
    private static final String SERVICE_CLIENT = "it-long-poll-service";

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Waits.BOUND).build();
    private ApiClient api;
    private QrApi qr;

    @BeforeEach
    void relaxCreateLimits() {
        api = new ApiClient(realm.getBaseUrl());
        qr = new QrApi(api);
        TestUsers.liftPerIpCaps(realm);
    }

    @AfterEach
    void defaultWaitingChecksPerAddress() {
        TestUsers.removeRealmAttribute(realm, PER_ADDRESS);
    }

    @Test
    void hundredsOfWaitingChecksLeaveKeycloakAndTheApiAnswering() throws Exception {
        // All the test's checks come from 127.0.0.1: lift the per-address cap to meet the node's.
        TestUsers.setRealmAttributes(realm, Map.of(PER_ADDRESS, "1000"));
        String serviceSecret = serviceClientSecret();
        List<JsonNode> logins = createQrLogins(POLLS);

        Polls polls = Polls.open(http, api.realmUrl(), logins);
        polls.awaitAnswered(POLLS - SEATS_PER_NODE);
        int heldBefore = polls.unanswered();
        assertTrue(heldBefore > 0 && heldBefore <= SEATS_PER_NODE, "checks held by the node: " + heldBefore);

        long discovery = timed(() -> get(realm.getBaseUrl() + "/.well-known/openid-configuration"));
        long clientCredentials = timed(() -> form(realm.getBaseUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", SERVICE_CLIENT, "client_secret", serviceSecret)));
        long sign = timed(() -> form(realm.getBaseUrl() + "/trader4/v1/oauth/sign",
                Map.of("id", "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test")));
        int heldAfter = polls.unanswered();

        List<HttpResponse<String>> answers = polls.all();
        long slowDown = answers.stream().filter(QrLongPollIT::isSlowDown).count();
        long pending = answers.stream().filter(a -> a.statusCode() == 202
                && "authorization_pending".equals(ApiClient.parse(a.body()).path("error").asText())).count();
        System.out.printf("LONG-POLL %d checks with wait=25 at once: %d held by the node, %d answered 429 slow_down "
                        + "in at most %d ms, the held ones answered 202 after %d ms%n",
                POLLS, heldBefore, slowDown, polls.slowestRefusalMillis(), polls.slowestMillis());
        System.out.printf("LONG-POLL with %d held: OIDC discovery 200 in %d ms, client_credentials 200 in %d ms, "
                + "POST /v1/oauth/sign 200 in %d ms; %d still held after these%n", heldBefore, discovery, clientCredentials, sign, heldAfter);

        assertEquals(POLLS, slowDown + pending, "every check answered slow_down or authorization_pending");
        assertTrue(slowDown >= POLLS - SEATS_PER_NODE, "refused at once: " + slowDown);
    }

    @Test
    void oneWaitingCheckPerTokenAndAFewPerAddress() throws Exception {
        JsonNode login = createQrLogins(1).get(0);
        List<HttpResponse<String>> sameToken = Polls.open(http, api.realmUrl(), List.of(login, login)).all();
        assertEquals(1, sameToken.stream().filter(QrLongPollIT::isSlowDown).count(),
                "one of two checks of a token waits: " + sameToken.stream().map(HttpResponse::body).toList());

        List<JsonNode> logins = createQrLogins(SEATS_PER_ADDRESS + 6);
        Polls polls = Polls.open(http, api.realmUrl(), logins);
        polls.awaitAnswered(logins.size() - SEATS_PER_ADDRESS);
        List<HttpResponse<String>> answers = polls.all();
        long slowDown = answers.stream().filter(QrLongPollIT::isSlowDown).count();
        System.out.printf("LONG-POLL %d checks of one token: 1 answered 429 slow_down; %d checks from one address: "
                + "%d answered 429 slow_down%n", sameToken.size(), logins.size(), slowDown);
        assertEquals(logins.size() - SEATS_PER_ADDRESS, slowDown, answers.stream().map(HttpResponse::body).toList().toString());

        HttpResponse<String> refusal = answers.stream().filter(QrLongPollIT::isSlowDown).findFirst().orElseThrow();
        JsonNode body = ApiClient.parse(refusal.body());
        assertEquals(false, body.path("succeed").asBoolean(true));
        assertTrue(body.path("message").asText().contains("Check again"), refusal.body());
        assertEquals(2, body.path("results").path("interval").asInt(), refusal.body());
        assertEquals("2", refusal.headers().firstValue("Retry-After").orElse(null));
    }

    private static boolean isSlowDown(HttpResponse<String> answer) {
        return answer.statusCode() == 429 && "slow_down".equals(ApiClient.parse(answer.body()).path("error").asText());
    }

    private List<JsonNode> createQrLogins(int count) {
        List<JsonNode> logins = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ApiClient.Answer created = qr.create();
            assertEquals(200, created.status(), created.toString());
            logins.add(created.results());
        }
        return logins;
    }

    /** Checks sent all at once, each asking to wait the longest the contract allows. */
    private record Polls(List<CompletableFuture<HttpResponse<String>>> answers, AtomicInteger answered,
                         Semaphore arrived, long startedNanos, List<Long> refusalMillis, List<Long> answerMillis) {

        static Polls open(HttpClient http, String realmUrl, List<JsonNode> logins) {
            Polls polls = new Polls(new ArrayList<>(), new AtomicInteger(), new Semaphore(0), System.nanoTime(),
                    new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
            for (JsonNode login : logins) {
                String json = "{\"token\":\"" + login.path("token").asText() + "\",\"secret\":\""
                        + login.path("secret").asText() + "\",\"wait\":25}";
                HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/trader4/v1/oauth/qr"))
                        .timeout(Waits.BOUND).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
                polls.answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((answer, failure) -> {
                    long millis = (System.nanoTime() - polls.startedNanos) / 1_000_000;
                    (answer != null && isSlowDown(answer) ? polls.refusalMillis : polls.answerMillis).add(millis);
                    polls.answered.incrementAndGet();
                    polls.arrived.release();
                }));
            }
            return polls;
        }

        void awaitAnswered(int count) throws InterruptedException {
            assertTrue(arrived.tryAcquire(count, Waits.BOUND.toMillis(), TimeUnit.MILLISECONDS), "only " + answered.get()
                    + " of " + answers.size() + " checks answered within " + Waits.BOUND + "; expected at least " + count);
        }

        int unanswered() {
            return answers.size() - answered.get();
        }

        List<HttpResponse<String>> all() {
            return answers.stream().map(CompletableFuture::join).toList();
        }

        long slowestRefusalMillis() {
            return refusalMillis.stream().mapToLong(Long::longValue).max().orElse(0);
        }

        long slowestMillis() {
            return answerMillis.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    /** Sends a request that must answer 200; the milliseconds it took. */
    private long timed(Supplier<HttpRequest> request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, answer.statusCode(), request.get().uri() + ": " + answer.body());
        return millis;
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Waits.BOUND).GET().build();
    }

    private static HttpRequest form(String url, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(url)).timeout(Waits.BOUND)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    /** A confidential client with a service account, for Keycloak's client_credentials grant. */
    private String serviceClientSecret() {
        List<ClientRepresentation> existing = realm.admin().clients().findByClientId(SERVICE_CLIENT);
        if (existing.isEmpty()) {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(SERVICE_CLIENT);
            client.setPublicClient(false);
            client.setServiceAccountsEnabled(true);
            client.setStandardFlowEnabled(false);
            try (Response response = realm.admin().clients().create(client)) {
                assertEquals(201, response.getStatus());
            }
            existing = realm.admin().clients().findByClientId(SERVICE_CLIENT);
        }
        String secret = realm.admin().clients().get(existing.get(0).getId()).getSecret().getValue();
        assertNotNull(secret);
        return secret;
    }
}
