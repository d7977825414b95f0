package net.trader4.keycloak.it.support;

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

/** Talks to the realm's {@code /trader4/v1/oauth} API over real HTTP, as any client would. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String realmUrl;

    public ApiClient(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    public String realmUrl() {
        return realmUrl;
    }

    /** One answer: status, headers and the parsed envelope. */
    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {

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
            return status + " " + raw.body();
        }
    }

    public Answer postJson(String path, Map<String, ?> fields) {
        try {
            return post(path, "application/json", JSON.writeValueAsBytes(fields));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Answer postForm(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return post(path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    public Answer post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realmUrl + "/trader4/v1/oauth/" + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /**
     * As a phishing proxy would forward it: this API call with the {@code Host} header it chose
     * (the tests' JVM allows the header: {@code jdk.httpclient.allowRestrictedHeaders=host}).
     */
    public Answer postJsonWithHost(String host, String path, Map<String, ?> fields) {
        try {
            return send(HttpRequest.newBuilder(URI.create(realmUrl + "/trader4/v1/oauth/" + path))
                    .timeout(Duration.ofSeconds(30))
                    .version(HttpClient.Version.HTTP_1_1) // HTTP/2 would carry the name as :authority
                    .header("Host", host)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(fields))).build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #postJsonWithHost} for a GET of the API. */
    public Answer getWithHost(String host, String path) {
        return send(HttpRequest.newBuilder(URI.create(realmUrl + "/trader4/v1/oauth/" + path))
                .timeout(Duration.ofSeconds(30)).version(HttpClient.Version.HTTP_1_1).header("Host", host).GET().build());
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body() == null || response.body().isBlank() ? JSON.nullNode() : parse(response.body());
            return new Answer(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> raw(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a token Keycloak issued (its signature is Keycloak's business, not the test's). */
    public static JsonNode claims(String jwt) {
        return parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    public Answer sign(String id) {
        return postJson("sign", Map.of("id", id));
    }

    public Answer verify(String id, String code) {
        return postJson("verify", Map.of("id", id, "code", code));
    }
}
