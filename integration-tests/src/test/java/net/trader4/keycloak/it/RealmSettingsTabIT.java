package net.trader4.keycloak.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "trader4" tab of the admin console's declarative UI (feature {@code declarative-ui}, on in
 * the tests' server): saving it is what the console does, a component of the realm; the values
 * are checked by the same catalogue and land in the realm's attributes, the one store.
 */
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class RealmSettingsTabIT {

    private static final String TAB_TYPE = "org.keycloak.services.ui.extend.UiTabProvider";
    private static final String CODE_LENGTH = "trader4.otp.codeLength";

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @AfterEach
    void noTab() {
        realm.admin().components().query(realm.admin().toRepresentation().getId(), TAB_TYPE)
                .forEach(tab -> realm.admin().components().component(tab.getId()).remove());
        TestUsers.removeRealmAttribute(realm, CODE_LENGTH);
        TestUsers.removeRealmAttribute(realm, "trader4.otp.maxAttempts");
    }

    @Test
    void savingTheTabWritesTheRealmSettingsAndABadValueIsRefused() {
        ComponentRepresentation tab = tab(Map.of(CODE_LENGTH, List.of("8")));
        try (Response created = realm.admin().components().add(tab)) {
            assertEquals(201, created.getStatus(), created.readEntity(String.class));
        }
        assertEquals("8", realm.admin().toRepresentation().getAttributes().get(CODE_LENGTH));

        assertEquals("UAN", realm.admin().toRepresentation().getAttributes().get("trader4.otp.allowedRiskyNumberTypes"),
                "a field left empty on the first save is not unset");
        ComponentRepresentation saved = realm.admin().components().query(realm.admin().toRepresentation().getId(), TAB_TYPE).get(0);
        assertEquals("UAN", saved.getConfig().getFirst("trader4.otp.allowedRiskyNumberTypes"), "after it, the form shows the realm's values");
        saved.getConfig().putSingle("trader4.otp.maxAttempts", "100");
        Throwable refused = org.junit.jupiter.api.Assertions.assertThrows(jakarta.ws.rs.BadRequestException.class,
                () -> realm.admin().components().component(saved.getId()).update(saved));
        String body = ((jakarta.ws.rs.WebApplicationException) refused).getResponse().readEntity(String.class);
        assertTrue(body.contains("trader4.otp.maxAttempts") && body.contains("from 1 to 10"), body);
        assertNull(realm.admin().toRepresentation().getAttributes().get("trader4.otp.maxAttempts"), "nothing stored");
    }

    @Test
    void aChangeThroughTheRestResourceShowsInTheTab() throws Exception {
        try (Response created = realm.admin().components().add(tab(Map.of(CODE_LENGTH, List.of("8"))))) {
            assertEquals(201, created.getStatus());
        }
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        realm.getBaseUrl().replace("/realms/", "/admin/realms/") + "/trader4/settings"))
                .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"" + CODE_LENGTH + "\": 7}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        ComponentRepresentation shown = realm.admin().components().query(realm.admin().toRepresentation().getId(), TAB_TYPE).get(0);
        assertEquals("7", shown.getConfig().getFirst(CODE_LENGTH), "the console shows what is in force");
        assertEquals("7", realm.admin().toRepresentation().getAttributes().get(CODE_LENGTH));
    }

    private ComponentRepresentation tab(Map<String, List<String>> values) {
        ComponentRepresentation tab = new ComponentRepresentation();
        tab.setName("trader4");
        tab.setProviderId("trader4");
        tab.setProviderType(TAB_TYPE);
        tab.setParentId(realm.admin().toRepresentation().getId());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        values.forEach(config::put);
        tab.setConfig(config);
        return tab;
    }
}
