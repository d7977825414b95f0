package net.trader4.keycloak.oldest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import net.trader4.keycloak.it.support.Trader4ServerConfig;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.info.ServerInfoRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The integration tests this module runs again (see its POM) prove the bundle on whatever server
 * the test framework started: this one proves that server is the oldest supported Keycloak, with
 * the bundle installed.
 */
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class OldestKeycloakIT {

    @InjectAdminClient
    Keycloak admin;

    @Test
    void theServerUnderTestIsTheOldestSupportedKeycloakWithTheBundle() {
        ServerInfoRepresentation info = admin.serverInfo().getInfo();
        assertEquals(System.getProperty("trader4.oldest.keycloak"), info.getSystemInfo().getVersion());
        assertNotNull(info.getProviders().get("authenticator").getProviders().get("trader4-otp-form"),
                "our OTP step is installed");
    }
}
