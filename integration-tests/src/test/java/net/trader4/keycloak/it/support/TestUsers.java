package net.trader4.keycloak.it.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.testsupport.ApiClient;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/** Accounts and realm settings made through Keycloak's admin API. */
public final class TestUsers {

    private TestUsers() {
    }

    /** A fresh enabled account with a unique email; limits keyed by identifier never collide. */
    public static String newEmailUser(ManagedRealm realm) {
        String email = "u-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.setFirstName("Test");
        user.setLastName("User");
        try (Response response = realm.admin().users().create(user)) {
            if (response.getStatus() != 201) {
                throw new AssertionError("User not created: " + response.getStatus() + " " + response.readEntity(String.class));
            }
        }
        return email;
    }

    /** A fresh enabled account holding the values in one attribute (a phone number, wallet addresses). */
    public static String newUserWith(ManagedRealm realm, String attribute, String... values) {
        String username = "b-" + UUID.randomUUID().toString().substring(0, 10);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@example.test");
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.setFirstName("Test");
        user.setLastName("User");
        user.setAttributes(Map.of(attribute, List.of(values)));
        try (Response response = realm.admin().users().create(user)) {
            if (response.getStatus() != 201) {
                throw new AssertionError("User not created: " + response.getStatus() + " " + response.readEntity(String.class));
            }
        }
        return username;
    }

    public static UserRepresentation byEmail(ManagedRealm realm, String email) {
        List<UserRepresentation> users = realm.admin().users().searchByEmail(email, true);
        return users.isEmpty() ? null : users.get(0);
    }

    /** A public client with the password grant, as some unrelated app of the realm would have; its id. */
    public static String newDirectGrantClient(ManagedRealm realm, String clientId) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setProtocol("openid-connect");
        try (Response response = realm.admin().clients().create(client)) {
            if (response.getStatus() != 201) {
                throw new AssertionError("Client not created: " + response.getStatus() + " " + response.readEntity(String.class));
            }
        }
        return realm.admin().clients().findByClientId(clientId).get(0).getId();
    }

    public static void setPassword(ManagedRealm realm, String email, String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        realm.admin().users().get(byEmail(realm, email).getId()).resetPassword(credential);
    }

    /** An access token of {@code clientId} for the user, by Keycloak's own password grant. */
    public static String passwordGrant(ManagedRealm realm, String clientId, String username, String password) {
        String form = "grant_type=password&scope=openid&client_id=" + encode(clientId) + "&username=" + encode(username)
                + "&password=" + encode(password);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(realm.getBaseUrl() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("password grant: " + response.statusCode() + " " + response.body());
            }
            return ApiClient.parse(response.body()).path("access_token").asText();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Every test request comes from 127.0.0.1: the per-IP caps get tests of their own. */
    public static void liftPerIpCaps(ManagedRealm realm) {
        setRealmAttributes(realm, Map.of(
                "trader4.otp.sendsPerIpPerHour", "100000",
                "trader4.otp.failuresPerIpPerHour", "100000",
                "trader4.qr.createsPerIpPerHour", "10000"));
    }

    /** Sets realm attributes, keeping the others. */
    public static void setRealmAttributes(ManagedRealm realm, Map<String, String> attributes) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.getAttributes().putAll(attributes);
        realm.admin().update(rep);
    }

    public static void removeRealmAttribute(ManagedRealm realm, String name) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.getAttributes().remove(name);
        realm.admin().update(rep);
    }
}
