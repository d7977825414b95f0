package net.trader4.keycloak.rest.grant;

import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class OtpGrantClientsTest {

    private static ClientModel clientWith(String setting) {
        ClientModel client = mock(ClientModel.class);
        when(client.getAttribute(OtpGrantClients.ENABLED_ATTRIBUTE)).thenReturn(setting);
        return client;
    }

    @Test
    void aClientWithoutTheSettingMayNotUseTheGrant() {
        assertFalse(OtpGrantClients.allows(clientWith(null)));
    }

    @Test
    void onlyTrueSwitchesItOn() {
        assertTrue(OtpGrantClients.allows(clientWith("true")));
        assertTrue(OtpGrantClients.allows(clientWith(" TRUE ")));
        for (String other : new String[] {"", "false", "yes", "1", "on", "tru"}) {
            assertFalse(OtpGrantClients.allows(clientWith(other)), "'" + other + "'");
        }
    }
}
