package net.trader4.keycloak.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLSession;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check every integration test's API answer goes through, against the document the API ships. */
class ApiContractTest {

    private static final String REALM = "http://localhost:8080/realms/trader4";
    private static final String PROFILE = "{\"first_name\":\"Hi\",\"middle_name\":null,\"last_name\":null,\"email\":\"hi@trader4.net\","
            + "\"mobile\":null,\"phone_number\":null,\"country\":null,\"language\":null,\"timezone\":null,\"currency\":null,"
            + "\"last_connection\":null,\"private\":null,\"avatar\":null,\"access_token\":\"eyJ\",\"token_type\":\"bearer\","
            + "\"expires_in\":300,\"refresh_token\":\"eyR\",\"refresh_expires_in\":1800,\"id_token\":\"eyI\",\"scope\":\"openid\"}";

    private final ApiContract contract = new ApiContract(shippedDocument());

    @Test
    void answersTheDocumentAllowsPass() {
        assertDoesNotThrow(() -> contract.check(post("sign"), json(200,
                "{\"succeed\":true,\"message\":\"Response successfully returned\",\"results\":[],\"metas\":[]}")));
        assertDoesNotThrow(() -> contract.check(post("verify"), json(200,
                "{\"succeed\":true,\"message\":\"User logged in successfully\",\"results\":" + PROFILE + ",\"metas\":[]}")));
        assertDoesNotThrow(() -> contract.check(post("qr"), json(202, "{\"succeed\":false,\"message\":\"Waiting\","
                + "\"error\":\"authorization_pending\",\"results\":{\"interval\":2},\"metas\":[]}")));
        assertDoesNotThrow(() -> contract.check(get("qr/tr0123.png"), answer(200, "image/png", "PNG")));
        assertDoesNotThrow(() -> contract.check(get("qr/authorize"), answer(400, "text/html", "<p>Unknown</p>")),
                "GET qr/authorize is the approval page of a token named so, as the server routes it");
        assertDoesNotThrow(() -> contract.check(get("sign"), json(405, "{\"succeed\":false,\"message\":\"Use POST\","
                + "\"error\":\"method_not_allowed\",\"results\":[],\"metas\":[]}")));
    }

    @Test
    void anErrorCodeTheOperationDoesNotAnswerWithThatStatusFails() {
        AssertionError wrongCode = assertThrows(AssertionError.class, () -> contract.check(post("sign"), json(400,
                "{\"succeed\":false,\"message\":\"x\",\"error\":\"invalid_secret\",\"results\":[],\"metas\":[]}")));
        assertTrue(wrongCode.getMessage().contains("POST /v1/oauth/sign answered 400") && wrongCode.getMessage().contains("error"),
                wrongCode.getMessage());
        AssertionError undocumentedStatus = assertThrows(AssertionError.class, () -> contract.check(post("sign"), json(418,
                "{\"succeed\":false,\"message\":\"x\",\"error\":\"invalid_request\",\"results\":[],\"metas\":[]}")));
        assertTrue(undocumentedStatus.getMessage().contains("status 418 is not documented"), undocumentedStatus.getMessage());
    }

    @Test
    void aBodyThatLeavesTheSchemaFails() {
        assertThrows(AssertionError.class, () -> contract.check(post("verify"), json(200,
                "{\"succeed\":true,\"message\":\"User logged in successfully\",\"results\":{\"access_token\":\"eyJ\"},\"metas\":[]}")),
                "a profile without its fields");
        assertThrows(AssertionError.class, () -> contract.check(post("sign"), json(200,
                "{\"succeed\":true,\"message\":\"Response successfully returned\",\"results\":[],\"metas\":[],\"extra\":1}")),
                "a field the envelope does not have");
        assertThrows(AssertionError.class, () -> contract.check(post("sign"), answer(200, "text/html", "<p>hi</p>")),
                "a content type the answer does not have");
        assertThrows(AssertionError.class, () -> contract.check(post("sign"), json(200, "{\"succeed\":\"yes\"}")));
    }

    @Test
    void onlyTheApisPathsAreHeldToIt() {
        assertTrue(ApiContract.isApi(URI.create(REALM + "/trader4/v1/oauth/sign")));
        assertFalse(ApiContract.isApi(URI.create(REALM + "/protocol/openid-connect/userinfo")));
        assertFalse(ApiContract.isApi(URI.create(REALM + "/trader4/qr-login-status")));
    }

    private static String shippedDocument() {
        try {
            return Files.readString(Path.of("..", "trader4-rest-resource", "src", "main", "resources", "net", "trader4", "keycloak",
                    "rest", "openapi.json"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpRequest post(String path) {
        return HttpRequest.newBuilder(URI.create(REALM + "/trader4/v1/oauth/" + path)).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(REALM + "/trader4/v1/oauth/" + path)).GET().build();
    }

    private static HttpResponse<String> json(int status, String body) {
        return answer(status, "application/json;charset=UTF-8", body);
    }

    private static HttpResponse<String> answer(int status, String contentType, String body) {
        return new HttpResponse<>() {
            public int statusCode() { return status; }
            public HttpRequest request() { return null; }
            public Optional<HttpResponse<String>> previousResponse() { return Optional.empty(); }
            public HttpHeaders headers() { return HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (a, b) -> true); }
            public String body() { return body; }
            public Optional<SSLSession> sslSession() { return Optional.empty(); }
            public URI uri() { return null; }
            public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
        };
    }
}
