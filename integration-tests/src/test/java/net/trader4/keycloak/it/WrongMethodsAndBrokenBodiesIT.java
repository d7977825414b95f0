package net.trader4.keycloak.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.Waits;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A method a path does not take is refused with the 405 envelope whatever the body: the body is
 * never parsed, so a broken one cannot turn the refusal into a 500. Keycloak's own token endpoint
 * answers the same methods and bytes with a 4xx; so do we.
 */
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class WrongMethodsAndBrokenBodiesIT {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final byte[] BROKEN_FORM = "id=%ZZ&code=%".getBytes(StandardCharsets.US_ASCII);
    private static final String QR_TOKEN = "tr0123456789abcdef0123456789abcdef";

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Waits.BOUND).build();

    @Test
    void aBrokenFormWithAWrongMethodIsA405LikeKeycloaksOwnEndpoint() throws Exception {
        HttpResponse<String> put = send("PUT", api("verify"), FORM, BROKEN_FORM);
        assertMethodNotAllowed(put, "POST");
        HttpResponse<String> patch = send("PATCH", api("verify?id=1&code=2"), FORM, BROKEN_FORM);
        assertMethodNotAllowed(patch, "POST");

        String tokenEndpoint = realm.getBaseUrl() + "/protocol/openid-connect/token";
        for (String method : List.of("PUT", "PATCH")) {
            HttpResponse<String> keycloaks = send(method, tokenEndpoint, FORM, BROKEN_FORM);
            assertTrue(keycloaks.statusCode() >= 400 && keycloaks.statusCode() < 500,
                    "Keycloak's token endpoint, " + method + ": " + keycloaks.statusCode() + " " + keycloaks.body());
        }
    }

    @Test
    void everyPathRefusesEveryOtherMethodWithTheEnvelopeWhateverTheBody() throws Exception {
        Map<String, String> allowedByPath = new LinkedHashMap<>();
        allowedByPath.put("sign", "POST");
        allowedByPath.put("verify", "POST");
        allowedByPath.put("verify/second-factor", "POST");
        allowedByPath.put("google/token", "POST");
        allowedByPath.put("google", "GET");
        allowedByPath.put("google/callback", "GET");
        allowedByPath.put("qr", "GET, POST");
        allowedByPath.put("qr/authorize", "POST");
        allowedByPath.put("qr/" + QR_TOKEN, "GET, POST");
        allowedByPath.put("qr/" + QR_TOKEN + ".png", "GET, POST");
        allowedByPath.put("openapi.json", "GET");

        String tokenEndpoint = realm.getBaseUrl() + "/protocol/openid-connect/token";
        List<String> failures = new ArrayList<>();
        List<String> keycloaks = new ArrayList<>();
        int requests = 0;
        for (Map.Entry<String, String> path : allowedByPath.entrySet()) {
            for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
                if (path.getValue().contains(method) || (method.equals("GET") && path.getKey().equals("qr/authorize"))) {
                    continue; // GET qr/authorize is the approval page of a QR token named "authorize"
                }
                for (Body body : Body.HOSTILE) {
                    requests++;
                    HttpResponse<String> answer = send(method, api(path.getKey()), body.contentType(), body.bytes());
                    String what = method + " " + path.getKey() + " with " + body.name() + ": " + answer.statusCode() + " " + answer.body();
                    if (body.failsInKeycloaksResponseFilter()) {
                        // Keycloak's security-headers filter parses the request's Content-Type for every answer.
                        HttpResponse<String> same = send(method, tokenEndpoint, body.contentType(), body.bytes());
                        if (answer.statusCode() >= 500 && same.statusCode() >= 500) {
                            keycloaks.add(what);
                            continue;
                        }
                    }
                    if (answer.statusCode() != 405 || !isEnvelope(answer, "method_not_allowed")
                            || !path.getValue().equals(answer.headers().firstValue("Allow").orElse(""))) {
                        failures.add(what);
                    }
                }
            }
        }
        System.out.printf("WRONG-METHOD %d requests with hostile bodies on %d paths: %d not answered with the 405 envelope; "
                + "%d with an unparsable Content-Type answered 5xx, as Keycloak's token endpoint answers the same method and bytes%n",
                requests, allowedByPath.size(), failures.size(), keycloaks.size());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theQrLoginPagesStatusPollNeverFailsOnAWrongMethodOrBody() throws Exception {
        String status = realm.getBaseUrl() + "/trader4/qr-login-status?client_id=account-console&tab_id=x";
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            for (Body body : Body.HOSTILE) {
                HttpResponse<String> answer = send(method, status, body.contentType(), body.bytes());
                String what = method + " with " + body.name() + ": " + answer.statusCode() + " " + answer.body();
                if (body.failsInKeycloaksResponseFilter() && answer.statusCode() >= 500) {
                    HttpResponse<String> same = send(method, realm.getBaseUrl() + "/protocol/openid-connect/token",
                            body.contentType(), body.bytes());
                    assertTrue(same.statusCode() >= 500, "Keycloak's token endpoint answers " + same.statusCode() + "; ours " + what);
                    continue;
                }
                assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, what);
            }
        }
    }

    @Test
    void googleInARealmWithoutItIsNotOfferedRatherThanUnavailable() throws Exception {
        HttpResponse<String> answer = send("GET", api("google"), null, new byte[0]);
        assertEquals(404, answer.statusCode(), answer.body());
        assertTrue(isEnvelope(answer, "google_not_offered"), answer.body());
    }

    /** A body a wrong method might carry: broken, huge or of a type nobody can parse. */
    private record Body(String name, String contentType, byte[] bytes) {

        boolean failsInKeycloaksResponseFilter() {
            return contentType != null && (contentType.equals(";;;") || contentType.equals("application/"));
        }

        static final List<Body> HOSTILE = List.of(
                new Body("broken percent-encoding", FORM, BROKEN_FORM),
                new Body("a lone %", FORM, "id=%".getBytes(StandardCharsets.US_ASCII)),
                new Body("%u escape", FORM, "id=%u0041".getBytes(StandardCharsets.US_ASCII)),
                new Body("multipart without boundary", "multipart/form-data; boundary=", "--\r\nx".getBytes(StandardCharsets.US_ASCII)),
                new Body("unterminated multipart", "multipart/form-data; boundary=xyz",
                        "--xyz\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\na".getBytes(StandardCharsets.US_ASCII)),
                new Body("unparsable content type", ";;;", "id=a".getBytes(StandardCharsets.US_ASCII)),
                new Body("content type without subtype", "application/", "id=a".getBytes(StandardCharsets.US_ASCII)),
                new Body("1 MiB form", FORM, ("id=" + "a".repeat(1 << 20)).getBytes(StandardCharsets.US_ASCII)),
                new Body("broken JSON", "application/json", "{\"id\":".getBytes(StandardCharsets.US_ASCII)),
                new Body("no body", null, new byte[0]));
    }

    private static boolean isEnvelope(HttpResponse<String> answer, String error) {
        JsonNode body = ApiClient.parse(answer.body());
        return !body.path("succeed").asBoolean(true) && error.equals(body.path("error").asText())
                && body.path("message").isTextual() && body.has("results") && body.has("metas");
    }

    private static void assertMethodNotAllowed(HttpResponse<String> answer, String allowed) {
        assertEquals(405, answer.statusCode(), answer.body());
        assertTrue(isEnvelope(answer, "method_not_allowed"), answer.body());
        assertEquals(allowed, answer.headers().firstValue("Allow").orElse(null));
        assertFalse(answer.body().contains("unknown_error"), answer.body());
    }

    private String api(String path) {
        return realm.getBaseUrl() + "/trader4/v1/oauth/" + path;
    }

    private HttpResponse<String> send(String method, String url, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Waits.BOUND)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
