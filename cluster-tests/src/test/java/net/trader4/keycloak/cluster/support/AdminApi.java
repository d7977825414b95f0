package net.trader4.keycloak.cluster.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The few calls of Keycloak's admin REST API the cluster tests need, as the bootstrap admin. */
public final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Supplier<String> liveNode;
    private final String realm;

    /** @param liveNode the base URL of a node that is up: admin calls survive the loss of a node */
    AdminApi(Supplier<String> liveNode, String realm) {
        this.liveNode = liveNode;
        this.realm = realm;
    }

    /** A fresh enabled account with a unique email address; returns the address. */
    public String newEmailUser() {
        String email = "c-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        ObjectNode user = JSON.createObjectNode();
        user.put("username", email).put("email", email).put("emailVerified", true).put("enabled", true)
                .put("firstName", "Cluster").put("lastName", "Test");
        HttpResponse<String> created = send(HttpRequest.newBuilder(adminUri("/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user.toString())));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("User not created: " + created.statusCode() + " " + created.body());
        }
        return email;
    }

    /** The id of the account with exactly this username. */
    public String userId(String username) {
        HttpResponse<String> found = send(HttpRequest.newBuilder(adminUri("/users?exact=true&username=" + enc(username))).GET());
        expect(200, found);
        try {
            JsonNode users = JSON.readTree(found.body());
            if (users.size() != 1) {
                throw new IllegalStateException("Not one account named " + username + ": " + found.body());
            }
            return users.get(0).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable users: " + found.body(), e);
        }
    }

    /** Sets realm attributes, keeping the others. */
    public void setRealmAttributes(Map<String, String> attributes) {
        ObjectNode rep = realmRepresentation();
        ObjectNode target = rep.with("attributes");
        attributes.forEach(target::put);
        updateRealm(rep);
    }

    /** Points the realm's SMTP server at another port of 127.0.0.1. */
    public void setSmtpPort(int port) {
        ObjectNode rep = realmRepresentation();
        rep.with("smtpServer").put("port", String.valueOf(port));
        updateRealm(rep);
    }

    /** A public client bound to the realm's QR-first browser flow, created once. */
    public void qrLoginClient(String clientId, String redirectUri) {
        String flowId = flowId(send(HttpRequest.newBuilder(adminUri("/authentication/flows")).GET()).body(), "trader4 QR browser");
        if (flowId == null) {
            throw new IllegalStateException("The realm has no flow 'trader4 QR browser'");
        }
        ObjectNode client = JSON.createObjectNode().put("clientId", clientId).put("name", "cluster web")
                .put("publicClient", true).put("standardFlowEnabled", true);
        client.putArray("redirectUris").add(redirectUri);
        client.putObject("authenticationFlowBindingOverrides").put("browser", flowId);
        HttpResponse<String> created = send(HttpRequest.newBuilder(adminUri("/clients")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client.toString())));
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("Client not created: " + created.statusCode() + " " + created.body());
        }
    }

    private static String flowId(String flowsJson, String alias) {
        try {
            for (JsonNode flow : JSON.readTree(flowsJson)) {
                if (alias.equals(flow.path("alias").asText())) {
                    return flow.path("id").asText();
                }
            }
            return null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status && !(status == 202 && response.statusCode() == 204)) {
            throw new IllegalStateException("Admin call answered " + response.statusCode() + " " + response.body());
        }
    }

    private ObjectNode realmRepresentation() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(adminUri("")).GET());
        try {
            return (ObjectNode) JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable realm: " + response.body(), e);
        }
    }

    private void updateRealm(ObjectNode rep) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(adminUri(""))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(rep.toString())));
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Realm not updated: " + response.statusCode() + " " + response.body());
        }
    }

    private URI adminUri(String path) {
        return URI.create(liveNode.get() + "/admin/realms/" + realm + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=" + enc(KeycloakCluster.ADMIN)
                + "&password=" + enc(KeycloakCluster.ADMIN_PASSWORD);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(liveNode.get() + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (!body.hasNonNull("access_token")) {
            throw new IllegalStateException("No admin token: " + response.statusCode());
        }
        return body.get("access_token").asText();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
