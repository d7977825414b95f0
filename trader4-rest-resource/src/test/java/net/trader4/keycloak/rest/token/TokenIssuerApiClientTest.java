package net.trader4.keycloak.rest.token;

import java.util.HashMap;
import java.util.Map;

import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Which client the sign-in API issues tokens to. Minting them is Keycloak's own machinery
 * (user sessions, TokenManager), covered by the integration tests.
 */
class TokenIssuerApiClientTest {

    private final RealmModel realm = mock(RealmModel.class);
    private final TokenIssuer issuer = new TokenIssuer(mock(KeycloakSession.class), realm);

    /** An enabled, confidential OpenID Connect client named trader4-api, with these attributes. */
    private ClientModel apiClient(Map<String, String> attributes) {
        ClientModel client = mock(ClientModel.class);
        when(client.getClientId()).thenReturn("trader4-api");
        when(client.isEnabled()).thenReturn(true);
        when(client.getProtocol()).thenReturn(OIDCLoginProtocol.LOGIN_PROTOCOL);
        when(client.getAttribute(anyString())).thenAnswer(call -> attributes.get(call.<String>getArgument(0)));
        when(client.getAttributes()).thenReturn(attributes);
        when(realm.getClientByClientId("trader4-api")).thenReturn(client);
        return client;
    }

    private ClientModel apiClient() {
        return apiClient(new HashMap<>());
    }

    @Test
    void enabledOpenIdConnectClientReceivesTheTokens() throws OtpException {
        ClientModel client = apiClient();

        assertSame(client, issuer.apiClient("trader4-api"));
    }

    @Test
    void missingClientMeansTheApiIsNotConfigured() {
        OtpException refused = refusal("trader4-api");

        assertTrue(refused.getMessage().contains("'trader4-api' does not exist or is disabled"), refused.getMessage());
        assertEquals(503, refused.error().status());
    }

    @Test
    void disabledClientIsRefused() {
        when(apiClient().isEnabled()).thenReturn(false);

        assertTrue(refusal("trader4-api").getMessage().contains("does not exist or is disabled"));
    }

    @Test
    void bearerOnlyClientIsRefused() {
        when(apiClient().isBearerOnly()).thenReturn(true);

        assertTrue(refusal("trader4-api").getMessage().contains("not an OpenID Connect client that can receive tokens"));
    }

    @Test
    void clientOfAnotherProtocolIsRefused() {
        when(apiClient().getProtocol()).thenReturn("saml");

        assertTrue(refusal("trader4-api").getMessage().contains("not an OpenID Connect client that can receive tokens"));
    }

    @Test
    void clientThatRequiresConsentIsRefused() {
        when(apiClient().isConsentRequired()).thenReturn(true);

        assertTrue(refusal("trader4-api").getMessage().contains("requires consent"));
    }

    @Test
    void clientThatPromisesDpopBoundTokensIsRefused() {
        apiClient(new HashMap<>(Map.of("dpop.bound.access.tokens", "true")));

        assertTrue(refusal("trader4-api").getMessage().contains("requires DPoP-bound tokens"));
    }

    private OtpException refusal(String clientId) {
        OtpException refused = assertThrows(OtpException.class, () -> issuer.apiClient(clientId));
        assertEquals(OtpError.CLIENT_NOT_CONFIGURED, refused.error());
        return refused;
    }
}
