package net.trader4.keycloak.it;

import java.util.Map;

import net.trader4.keycloak.it.support.Trader4ServerConfig;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.info.ProviderRepresentation;
import org.keycloak.representations.info.SpiInfoRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An operator finds our providers and their version where Keycloak lists every provider (admin console: Provider info). */
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class ServerInfoIT {

    @InjectAdminClient
    Keycloak admin;

    @Test
    void everyProviderOfTheBundleShowsItsVersionInServerInfo() {
        Map<String, SpiInfoRepresentation> spis = admin.serverInfo().getInfo().getProviders();
        Map<String, String> ours = Map.of(
                "admin-realm-restapi-extension", "trader4",
                "authenticator", "trader4-otp-form",
                "required-action", "trader4-verified-phone-number",
                "realm-restapi-extension", "trader4",
                "oauth2-grant-type", "urn:trader4:params:oauth:grant-type:otp",
                "trader4-otp-delivery-channel", "sms",
                "trader4-secret-settings", "trader4-secrets",
                "ui-tab", "trader4");
        ours.forEach((spi, provider) -> {
            SpiInfoRepresentation info = spis.get(spi);
            assertNotNull(info, "SPI " + spi + " in server info");
            ProviderRepresentation representation = info.getProviders().get(provider);
            assertNotNull(representation, provider + " listed under " + spi);
            Map<String, String> operational = representation.getOperationalInfo();
            assertNotNull(operational, provider + " shows operational info");
            assertTrue(operational.get("trader4-version").matches("\\d+\\.\\d+\\.\\d+.*"), operational.toString());
            assertEquals("26.7.3", operational.get("built-for-keycloak"));
        });
        assertNotNull(spis.get("authenticator").getProviders().get("trader4-qr-login"), "the QR login step too");
    }
}
