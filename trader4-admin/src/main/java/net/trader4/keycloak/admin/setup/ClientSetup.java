package net.trader4.keycloak.admin.setup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.trader4.keycloak.common.origin.PublicBaseUrl;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.managers.ClientManager;

/**
 * A public OpenID Connect client of ours: the API's (tokens of {@code /verify}) or the QR approval
 * page's. Browser code flow only: no direct access grants (a client made through REST has them on,
 * and they would let anyone try passwords against it), no implicit flow, no service account, no
 * consent screen. An existing client keeps its other settings (scopes, extra redirect URIs, mappers).
 */
final class ClientSetup {

    static final String PKCE_METHOD = "pkce.code.challenge.method";
    static final String DPOP_BOUND = "dpop.bound.access.tokens";
    static final String REFRESH_TOKENS = "use.refresh.tokens";

    private final String clientId;
    private final String name;
    private final String description;
    private final List<String> redirectUris;
    private final boolean pkce;
    private final boolean fullScope;
    private final String baseUrl;

    private ClientSetup(String clientId, String name, String description, List<String> redirectUris, boolean pkce,
                        boolean fullScope, String baseUrl) {
        this.clientId = clientId;
        this.name = name;
        this.description = description;
        this.redirectUris = List.copyOf(redirectUris);
        this.pkce = pkce;
        this.fullScope = fullScope;
        this.baseUrl = baseUrl;
    }

    /**
     * The client {@code /verify} and the grant issue tokens to; Google's callback returns to it with
     * PKCE, on Keycloak's host and, when the realm sets one, on the API's public base URL.
     */
    static ClientSetup api(RealmModel realm, String clientId, Optional<PublicBaseUrl> publicBaseUrl) {
        List<String> callbacks = new ArrayList<>();
        callbacks.add(PublicBaseUrl.keycloakGoogleCallback(realm.getName()));
        publicBaseUrl.ifPresent(api -> callbacks.add(api.googleCallback()));
        return new ClientSetup(clientId, "trader4 API", "Tokens issued by the /v1/oauth sign-in API",
                callbacks, true, true, null);
    }

    /**
     * The client the phone signs in with to approve a QR login. It only needs the user's id, so no
     * role reaches its tokens; the approval page sends no PKCE challenge, so none is required.
     */
    static ClientSetup qrApproval(RealmModel realm, String clientId) {
        return new ClientSetup(clientId, "trader4 QR approval", "Signs a phone in to the QR approval page",
                List.of(PublicBaseUrl.keycloakApiPath(realm.getName()) + "/qr/*"), false, false,
                "/realms/" + realm.getName() + "/account/");
    }

    String clientId() {
        return clientId;
    }

    String item() {
        return "client " + clientId;
    }

    /** Refuses before anything changes: a client of another protocol is not ours to convert. */
    void check(RealmModel realm) {
        ClientModel client = realm.getClientByClientId(clientId);
        if (client != null && !OIDCLoginProtocol.LOGIN_PROTOCOL.equals(client.getProtocol())) {
            throw SetupRefusal.conflict("The client " + clientId + " exists with protocol " + client.getProtocol()
                    + "; trader4 needs an OpenID Connect client of that id. Rename or delete it, then run setup again.");
        }
    }

    SetupItem apply(KeycloakSession session, RealmModel realm) {
        ClientModel client = realm.getClientByClientId(clientId);
        if (client == null) {
            ClientManager.createClient(session, realm, representation());
            return SetupItem.created(item(), "public, standard flow only" + (pkce ? ", PKCE S256" : "")
                    + ", redirect URIs " + String.join(" ", redirectUris));
        }
        Changes changes = new Changes();
        changes.ensure(client.isEnabled(), true, client::setEnabled, "enabled");
        changes.ensure(client.isBearerOnly(), false, client::setBearerOnly, "bearer-only off");
        changes.ensure(client.isPublicClient(), true, client::setPublicClient, "public client");
        changes.ensure(client.isStandardFlowEnabled(), true, client::setStandardFlowEnabled, "standard flow on");
        changes.ensure(client.isImplicitFlowEnabled(), false, client::setImplicitFlowEnabled, "implicit flow off");
        changes.ensure(client.isDirectAccessGrantsEnabled(), false, client::setDirectAccessGrantsEnabled,
                "direct access grants off");
        changes.ensure(client.isServiceAccountsEnabled(), false, client::setServiceAccountsEnabled, "service account off");
        changes.ensure(client.isConsentRequired(), false, client::setConsentRequired, "consent off");
        if ("true".equalsIgnoreCase(client.getAttribute(DPOP_BOUND))) {
            client.setAttribute(DPOP_BOUND, "false");
            changes.add("DPoP not required");
        }
        if (pkce) {
            changes.ensure(client.getAttribute(PKCE_METHOD), "S256", v -> client.setAttribute(PKCE_METHOD, v), "PKCE S256");
        }
        for (String redirectUri : redirectUris) {
            if (!client.getRedirectUris().contains(redirectUri)) {
                client.addRedirectUri(redirectUri);
                changes.add("redirect URI " + redirectUri + " added");
            }
        }
        return SetupItem.fixed(item(), changes, "as trader4 needs it");
    }

    private ClientRepresentation representation() {
        ClientRepresentation rep = new ClientRepresentation();
        rep.setClientId(clientId);
        rep.setName(name);
        rep.setDescription(description);
        rep.setEnabled(true);
        rep.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        rep.setPublicClient(true);
        rep.setStandardFlowEnabled(true);
        rep.setImplicitFlowEnabled(false);
        rep.setDirectAccessGrantsEnabled(false);
        rep.setServiceAccountsEnabled(false);
        rep.setConsentRequired(false);
        rep.setFullScopeAllowed(fullScope);
        rep.setRedirectUris(redirectUris);
        if (baseUrl != null) {
            rep.setRootUrl("${authBaseUrl}");
            rep.setBaseUrl(baseUrl);
        }
        Map<String, String> attributes = new HashMap<>();
        attributes.put(REFRESH_TOKENS, "true");
        if (pkce) {
            attributes.put(PKCE_METHOD, "S256");
        }
        rep.setAttributes(attributes);
        return rep;
    }
}
