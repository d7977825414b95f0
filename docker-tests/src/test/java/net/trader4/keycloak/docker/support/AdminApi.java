package net.trader4.keycloak.docker.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What an operator does through Keycloak's admin REST API, as the bootstrap admin. */
public final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String keycloakUrl;
    private final String adminPassword;

    public AdminApi(String keycloakUrl, String adminPassword) {
        this.keycloakUrl = keycloakUrl;
        this.adminPassword = adminPassword;
    }

    /** The names of the realms the server holds. */
    public List<String> realmNames() throws IOException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/admin/realms")).GET());
        expect(200, answer, "list realms");
        List<String> names = new ArrayList<>();
        JSON.readTree(answer.body()).forEach(realm -> names.add(realm.path("realm").asText()));
        return names;
    }

    /** The realm's representation, as the admin console reads it. */
    public JsonNode realm(String realm) throws IOException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/admin/realms/" + realm)).GET());
        expect(200, answer, "read realm " + realm);
        return JSON.readTree(answer.body());
    }

    /** The accounts whose username is exactly {@code username}: none or one. */
    public JsonNode usersNamed(String realm, String username) throws IOException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/admin/realms/" + realm + "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8))).GET());
        expect(200, answer, "find user");
        return JSON.readTree(answer.body());
    }

    public void createRealm(ObjectNode realm) {
        expect(201, send(HttpRequest.newBuilder(uri("/admin/realms")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(realm.toString()))), "create realm " + realm.path("realm").asText());
    }

    public void createUser(String realm, String email, String firstName) {
        ObjectNode user = JSON.createObjectNode().put("username", email).put("email", email).put("emailVerified", true)
                .put("enabled", true).put("firstName", firstName).put("lastName", "Docker");
        expect(201, send(HttpRequest.newBuilder(uri("/admin/realms/" + realm + "/users")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user.toString()))), "create user");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(ANSWER_BOUND).header("Authorization", "Bearer " + token()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/realms/master/protocol/openid-connect/token"))
                .timeout(ANSWER_BOUND).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(answer.body());
        if (!body.hasNonNull("access_token")) {
            throw new IllegalStateException("No admin token: " + answer.statusCode());
        }
        return body.get("access_token").asText();
    }

    private URI uri(String path) {
        return URI.create(keycloakUrl + path);
    }

    private static void expect(int status, HttpResponse<String> answer, String what) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException("Could not " + what + ": " + answer.statusCode() + " " + answer.body());
        }
    }
}
