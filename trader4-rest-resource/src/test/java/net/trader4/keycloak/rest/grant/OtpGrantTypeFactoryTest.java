package net.trader4.keycloak.rest.grant;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.keycloak.events.EventType;
import org.keycloak.protocol.oidc.grants.OAuth2GrantType;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grant as Keycloak finds it: through the service file, beside Keycloak's own grants (those of
 * the Keycloak on the build's class path), whose two-letter shortcuts must all differ or Keycloak
 * refuses to start.
 */
class OtpGrantTypeFactoryTest {

    @Test
    void keycloakFindsTheGrantUnderItsGrantTypeWithAShortcutNoOtherGrantHas() {
        Map<String, String> grantByShortcut = new HashMap<>();
        OAuth2GrantTypeFactory ours = null;
        for (OAuth2GrantTypeFactory factory : ServiceLoader.load(OAuth2GrantTypeFactory.class)) {
            String shortcut = factory.getShortcut();
            assertEquals(2, shortcut.length(), factory.getId() + ": tokens' ids hold the grant in two characters");
            assertNull(grantByShortcut.put(shortcut, factory.getId()), "shortcut " + shortcut + " taken twice: " + grantByShortcut);
            if (factory instanceof OtpGrantTypeFactory) {
                ours = factory;
            }
        }
        assertTrue(grantByShortcut.containsValue("password"), "Keycloak's own grants were loaded too: " + grantByShortcut);
        assertInstanceOf(OtpGrantTypeFactory.class, ours, "META-INF/services names the factory");
        assertEquals("urn:trader4:params:oauth:grant-type:otp", ours.getId());
    }

    @Test
    void theGrantIsAnExtensionGrantTakingIdAndCode() {
        OAuth2GrantType grant = new OtpGrantTypeFactory().create(null);
        assertEquals(EventType.OAUTH2_EXTENSION_GRANT, grant.getEventType());
        assertEquals(java.util.Set.of("id", "code"), grant.getTokenParameterNames());
    }

    @Test
    void serverInfoShowsTheVersionAndTheClientSetting() {
        Map<String, String> info = new OtpGrantTypeFactory().getOperationalInfo();
        assertTrue(info.containsKey("trader4-version"), info.toString());
        assertEquals("trader4.otp.grantEnabled", info.get("enabled-by-client-attribute"));
    }
}
