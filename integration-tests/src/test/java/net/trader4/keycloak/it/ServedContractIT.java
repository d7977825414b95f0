package net.trader4.keycloak.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The contract the installed bundle serves is the repository's document, naming the realm's API at
 * the server's configured hostname; the document is itself held to what it says of its path.
 */
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class ServedContractIT {

    /** The document as the repository holds it, from this module's folder. */
    private static final Path IN_THE_REPOSITORY = Path.of("..", "trader4-rest-resource", "src", "main", "resources",
            "net", "trader4", "keycloak", "rest", "openapi.json");

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @Test
    void theServedDocumentIsTheRepositorysNamingThisRealmsApiAtTheConfiguredHostname() throws Exception {
        ApiClient api = new ApiClient(realm.getBaseUrl());
        Answer served = api.get("openapi.json");
        assertEquals(200, served.status(), served.toString());
        assertEquals(Trader4ServerConfig.HOSTNAME + "/realms/" + realm.getName() + "/trader4",
                served.body().at("/servers/0/url").asText());

        JsonNode shipped = new ObjectMapper().readTree(Files.readString(IN_THE_REPOSITORY));
        assertEquals(shipped.path("paths"), served.body().path("paths"));
        assertEquals(shipped.path("components"), served.body().path("components"));
        assertEquals(shipped.path("x-error-codes"), served.body().path("x-error-codes"));
    }

    @Test
    void theDocumentsPathTakesOnlyGet() {
        Answer post = new ApiClient(realm.getBaseUrl()).postJson("openapi.json", Map.of());
        assertEquals(405, post.status(), post.toString());
        assertEquals("method_not_allowed", post.error());
        assertEquals("GET", post.header("Allow"));
    }
}
