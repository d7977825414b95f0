package net.trader4.keycloak.cluster.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Talks to one node's {@code /trader4/v1/oauth} API over real HTTP, as any client would. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String realmUrl;

    public ApiClient(KeycloakNode node) {
        this.realmUrl = node.realmUrl(KeycloakCluster.REALM);
    }

    /** One answer: status, parsed envelope, elapsed time. */
    public record Answer(int status, JsonNode body, String raw, long millis) {

        public boolean succeed() {
            return body.path("succeed").asBoolean(false);
        }

        public String error() {
            return body.path("error").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + raw + " (" + millis + " ms)";
        }
    }

    /** This node's URL of the realm, e.g. the issuer of the tokens it signs. */
    public String realmUrl() {
        return realmUrl;
    }

    public Answer sign(String id) {
        return post("sign", Map.of("id", id));
    }

    public Answer verify(String id, String code) {
        return post("verify", Map.of("id", id, "code", code));
    }

    public Answer post(String endpoint, Map<String, String> fields) {
        return post(endpoint, fields, null);
    }

    /** A GET of an API endpoint, e.g. {@code qr} to create a QR login request. */
    public Answer get(String endpoint) {
        return send(HttpRequest.newBuilder(URI.create(realmUrl + "/trader4/v1/oauth/" + endpoint))
                .timeout(Duration.ofSeconds(60)).GET().build());
    }

    /** Keycloak's own userinfo endpoint of this node, asked with an access token. */
    public Answer userinfo(String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/userinfo"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + accessToken).GET().build());
    }

    /** The claims of a JWT; fails on anything that is not three dot-separated parts with a JSON payload. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new AssertionError("Not a JWT: " + jwt);
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (claims == null || !claims.isObject()) {
                throw new AssertionError("A JWT without a claims object: " + jwt);
            }
            return claims;
        } catch (IOException | IllegalArgumentException e) {
            throw new AssertionError("Not a JWT: " + jwt, e);
        }
    }

    /** A JSON POST, with an {@code Authorization} header when one is given. */
    public Answer post(String endpoint, Map<String, String> fields, String authorization) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realmUrl + "/trader4/v1/oauth/" + endpoint))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(fields)));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return send(request.build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer send(HttpRequest request) {
        try {
            long started = System.nanoTime();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Answer(response.statusCode(), parse(response.body()), response.body(), millis);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Time of one sign request in nanoseconds, measured around the HTTP exchange only. */
    public long timeSign(String id) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/trader4/v1/oauth/sign"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("id", id)))).build();
            long started = System.nanoTime();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                throw new AssertionError("sign answered " + response.statusCode() + " " + response.body());
            }
            return elapsed;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
