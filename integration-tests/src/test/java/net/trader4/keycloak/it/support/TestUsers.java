package net.trader4.keycloak.it.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;
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
