package net.trader4.keycloak.admin.setup;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.trader4.keycloak.common.origin.PublicBaseUrl;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ClientSetupTest {

    @Test
    void aClientMadeThroughRestLosesItsPasswordGrantAndGetsPkceThenIsKept() {
        FakeClient fake = new FakeClient();
        fake.flags.put("directAccessGrants", true);
        RealmModel realm = realmWith(fake.model);

        SetupItem first = ClientSetup.api(realm, "trader4-api", Optional.empty()).apply(null, realm);
        assertEquals(Outcome.CHANGED, first.outcome());
        assertTrue(first.detail().contains("direct access grants off"), first.detail());
        assertTrue(first.detail().contains("PKCE S256"), first.detail());
        assertFalse(fake.flags.get("directAccessGrants"));
        assertEquals("S256", fake.attributes.get(ClientSetup.PKCE_METHOD));
        assertTrue(fake.redirects.contains("/realms/myrealm/trader4/v1/oauth/google/callback"));

        SetupItem second = ClientSetup.api(realm, "trader4-api", Optional.empty()).apply(null, realm);
        assertEquals(Outcome.KEPT, second.outcome(), second.detail());
    }

    @Test
    void aPublicBaseUrlAddsItsGoogleCallback() {
        FakeClient fake = new FakeClient();
        RealmModel realm = realmWith(fake.model);
        SetupItem item = ClientSetup.api(realm, "trader4-api", Optional.of(PublicBaseUrl.parse("https://api.example.com"))).apply(null, realm);
        assertEquals(Outcome.CHANGED, item.outcome());
        assertTrue(fake.redirects.contains("https://api.example.com/v1/oauth/google/callback"), fake.redirects.toString());
    }

    @Test
    void theQrApprovalClientNeedsNoPkce() {
        FakeClient fake = new FakeClient();
        RealmModel realm = realmWith(fake.model);
        ClientSetup.qrApproval(realm, "trader4-qr").apply(null, realm);
        assertFalse(fake.attributes.containsKey(ClientSetup.PKCE_METHOD));
        assertTrue(fake.redirects.contains("/realms/myrealm/trader4/v1/oauth/qr/*"));
    }

    @Test
    void aSamlClientOfThatIdIsRefusedNotConverted() {
        FakeClient fake = new FakeClient();
        when(fake.model.getProtocol()).thenReturn("saml");
        RealmModel realm = realmWith(fake.model);
        SetupRefusal refusal = assertThrows(SetupRefusal.class, () -> ClientSetup.api(realm, "trader4-api", Optional.empty()).check(realm));
        assertEquals(409, refusal.status().getStatusCode());
        assertTrue(refusal.getMessage().contains("saml"), refusal.getMessage());
    }

    private static RealmModel realmWith(ClientModel client) {
        RealmModel realm = mock(RealmModel.class);
        when(realm.getName()).thenReturn("myrealm");
        when(realm.getClientByClientId(anyString())).thenReturn(client);
        return realm;
    }

    /** A client whose settings a mock keeps, as Keycloak's model does. */
    private static final class FakeClient {
        final ClientModel model = mock(ClientModel.class);
        final Map<String, Boolean> flags = new HashMap<>(Map.of("enabled", true, "bearerOnly", false, "public", true,
                "standardFlow", true, "implicit", false, "directAccessGrants", false, "serviceAccounts", false, "consent", false));
        final Map<String, String> attributes = new HashMap<>();
        final Set<String> redirects = new HashSet<>();

        FakeClient() {
            when(model.getProtocol()).thenReturn("openid-connect");
            flag("enabled", model::isEnabled);
            flag("bearerOnly", model::isBearerOnly);
            flag("public", model::isPublicClient);
            flag("standardFlow", model::isStandardFlowEnabled);
            flag("implicit", model::isImplicitFlowEnabled);
            flag("directAccessGrants", model::isDirectAccessGrantsEnabled);
            flag("serviceAccounts", model::isServiceAccountsEnabled);
            flag("consent", model::isConsentRequired);
            doAnswer(i -> flags.put("enabled", i.getArgument(0))).when(model).setEnabled(anyBoolean());
            doAnswer(i -> flags.put("bearerOnly", i.getArgument(0))).when(model).setBearerOnly(anyBoolean());
            doAnswer(i -> flags.put("public", i.getArgument(0))).when(model).setPublicClient(anyBoolean());
            doAnswer(i -> flags.put("standardFlow", i.getArgument(0))).when(model).setStandardFlowEnabled(anyBoolean());
            doAnswer(i -> flags.put("implicit", i.getArgument(0))).when(model).setImplicitFlowEnabled(anyBoolean());
            doAnswer(i -> flags.put("directAccessGrants", i.getArgument(0))).when(model).setDirectAccessGrantsEnabled(anyBoolean());
            doAnswer(i -> flags.put("serviceAccounts", i.getArgument(0))).when(model).setServiceAccountsEnabled(anyBoolean());
            doAnswer(i -> flags.put("consent", i.getArgument(0))).when(model).setConsentRequired(anyBoolean());
            when(model.getAttribute(anyString())).thenAnswer(i -> attributes.get(i.<String>getArgument(0)));
            doAnswer(i -> attributes.put(i.getArgument(0), i.getArgument(1))).when(model).setAttribute(anyString(), anyString());
            when(model.getRedirectUris()).thenAnswer(i -> Set.copyOf(redirects));
            doAnswer(i -> redirects.add(i.getArgument(0))).when(model).addRedirectUri(anyString());
        }

        private void flag(String name, java.util.function.BooleanSupplier getter) {
            when(getter.getAsBoolean()).thenAnswer(i -> flags.get(name));
        }
    }
}
