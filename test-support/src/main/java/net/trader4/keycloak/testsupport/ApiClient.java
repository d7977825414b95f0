package net.trader4.keycloak.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to a realm's {@code /trader4/v1/oauth} API over real HTTP, as any client would, and holds
 * every answer of it to the OpenAPI document the server serves.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(60);

    private final String realmUrl;

    public ApiClient(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** The realm's URL, e.g. the issuer of the tokens it signs. */
    public String realmUrl() {
        return realmUrl;
    }

    /** One answer: status, the parsed envelope, the response as it came, and how long it took. */
    public record Answer(int status, JsonNode body, HttpResponse<String> raw, long millis) {

        public boolean succeed() {
            return body.path("succeed").asBoolean(false);
        }

        public String error() {
            return body.path("error").asText(null);
        }

        public String message() {
            return body.path("message").asText(null);
        }

        public JsonNode results() {
            return body.path("results");
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + raw.body() + " (" + millis + " ms)";
        }
    }

    public Answer sign(String id) {
        return postJson("sign", Map.of("id", id));
    }

    public Answer verify(String id, String code) {
        return postJson("verify", Map.of("id", id, "code", code));
    }

    public Answer postJson(String path, Map<String, ?> fields) {
        return post(path, "application/json", json(fields));
    }

    public Answer postForm(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return post(path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    public Answer post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = api(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    public Answer post(String path, Map<String, String> fields) {
        return postJson(path, fields);
    }

    /** A JSON POST, with an {@code Authorization} header when one is given. */
    public Answer post(String path, Map<String, String> fields, String authorization) {
        HttpRequest.Builder request = api(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(fields)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    /** A GET of an API endpoint, e.g. {@code qr} to create a QR login request. */
    public Answer get(String path) {
        return send(api(path).GET().build());
    }

    /**
     * As a phishing proxy would forward it: this API call with the {@code Host} header it chose
     * (the JVM must allow the header: {@code jdk.httpclient.allowRestrictedHeaders=host}).
     */
    public Answer postJsonWithHost(String host, String path, Map<String, ?> fields) {
        return send(api(path)
                .version(HttpClient.Version.HTTP_1_1) // HTTP/2 would carry the name as :authority
                .header("Host", host)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(fields))).build());
    }

    /** {@link #postJsonWithHost} for a GET of the API. */
    public Answer getWithHost(String host, String path) {
        return send(api(path).version(HttpClient.Version.HTTP_1_1).header("Host", host).GET().build());
    }

    /** Keycloak's own userinfo endpoint of the realm, asked with an access token. */
    public Answer userinfo(String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/userinfo"))
                .timeout(ANSWER_BOUND).header("Authorization", "Bearer " + accessToken).GET().build());
    }

    public Answer send(HttpRequest request) {
        long started = System.nanoTime();
        HttpResponse<String> response = raw(request);
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Answer(response.statusCode(), parse(response.body()), response, millis);
    }

    /**
     * One exchange as it came. An answer of the API (a path under {@code /trader4/v1/oauth/}) must be
     * one the server's own OpenAPI document allows ({@link ApiContract}), or this fails with what differs.
     */
    public HttpResponse<String> raw(HttpRequest request) {
        HttpResponse<String> response = exchange(request);
        if (ApiContract.isApi(request.uri())) {
            ApiContract.of(realmUrl, ApiClient::exchange).check(request, response);
        }
        return response;
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Time of one successful sign request in nanoseconds, measured around the HTTP exchange only. */
    public long timeSign(String id) {
        HttpRequest request = api("sign").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(Map.of("id", id)))).build();
        long started = System.nanoTime();
        HttpResponse<String> response = raw(request);
        long elapsed = System.nanoTime() - started;
        if (response.statusCode() != 200) {
            throw new AssertionError("sign answered " + response.statusCode() + " " + response.body());
        }
        return elapsed;
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

    /** A body as JSON; a body that is not JSON becomes a text node, so a test can still show it. */
    public static JsonNode parse(String json) {
        try {
            return json == null || json.isBlank() ? JSON.nullNode() : JSON.readTree(json);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(realmUrl + "/trader4/v1/oauth/" + path)).timeout(ANSWER_BOUND);
    }

    private static byte[] json(Map<String, ?> fields) {
        try {
            return JSON.writeValueAsBytes(fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
