package net.trader4.keycloak.qr.authenticator;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.qr.config.QrConfig;
import net.trader4.keycloak.qr.request.QrException;
import net.trader4.keycloak.qr.request.QrLoginRequest;
import net.trader4.keycloak.qr.request.QrLoginService;
import net.trader4.keycloak.qr.request.QrOrigin;
import net.trader4.keycloak.qr.request.QrState;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What the QR login page polls: the state of the QR login of the browser's own authentication
 * session, found through its signed cookie. The query names only the client and tab, as Keycloak's
 * login URLs do; a session id or token from the query is never accepted. It only reports: the
 * approval is collected by the authenticator, in the flow.
 */
public final class QrLoginStatusEndpoint {

    private final KeycloakSession session;
    private final RealmModel realm;

    public QrLoginStatusEndpoint(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public Response status(String clientId, String tabId) {
        if (clientId == null || tabId == null || clientId.isBlank() || tabId.isBlank()) {
            return json(400, "invalid_request");
        }
        ClientModel client = realm.getClientByClientId(clientId);
        if (client == null) {
            return json(400, "invalid_request");
        }
        AuthenticationSessionModel authSession = new AuthenticationSessionManager(session)
                .getCurrentAuthenticationSession(realm, client, tabId);
        if (authSession == null) {
            return json(401, "no_login");
        }
        String token = authSession.getAuthNote(QrLoginAuthenticator.TOKEN_NOTE);
        QrLoginService service = new QrLoginService(session, realm, QrConfig.forRealm(realm));
        try {
            QrLoginRequest request = token == null ? null : service.find(token);
            if (request == null || request.origin() != QrOrigin.BROWSER
                    || !request.authSessionId().equals(authSession.getParentSession().getId())) {
                return json(200, QrState.UNKNOWN.lowerCase());
            }
            return json(200, service.state(request).lowerCase());
        } catch (QrException e) {
            return json(200, QrState.UNKNOWN.lowerCase());
        }
    }

    private static Response json(int status, String value) {
        String field = status == 200 ? "status" : "error";
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoCache(true);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity("{\"" + field + "\":\"" + value + "\"}").cacheControl(noStore).build();
    }
}
