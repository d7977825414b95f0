package net.trader4.keycloak.qr;

import java.net.URI;

import jakarta.ws.rs.core.UriBuilder;
import net.trader4.keycloak.common.origin.SignInOrigin;
import net.trader4.keycloak.qr.request.QrError;
import net.trader4.keycloak.qr.request.QrException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Public URLs of QR logins, under the realm resource {@code trader4} that serves them. */
public final class QrLinks {

    /** The id of the realm resource provider in trader4-rest-resource. */
    public static final String REALM_RESOURCE = "trader4";

    private final URI base;
    private final String realm;

    private QrLinks(URI base, RealmModel realm) {
        this.base = base;
        this.realm = realm.getName();
    }

    /** Links for the page that is answering this request: on the host the caller already uses. */
    public static QrLinks ofRequest(KeycloakSession session, RealmModel realm) {
        return new QrLinks(session.getContext().getUri().getBaseUri(), realm);
    }

    /**
     * Links to hand to another device (the QR code, its image): only on the configured address,
     * never a {@code Host} a phishing proxy chose, so a phone always opens the real server.
     */
    public static QrLinks toShare(KeycloakSession session, RealmModel realm) throws QrException {
        URI base = SignInOrigin.of(session, realm).orElseThrow(() -> new QrException(QrError.HOSTNAME_NOT_CONFIGURED,
                "QR login is off: the server has no configured hostname for the phone to open."));
        return new QrLinks(base, realm);
    }

    /** The approval page a phone opens: what the QR code encodes. */
    public String approvalPage(String token) {
        return api().path("qr").path(token).build(realm).toString();
    }

    public String image(String token) {
        return api().path("qr").path(token + ".png").build(realm).toString();
    }

    /** The status the browser-flow login page polls; its session comes from the cookie alone. */
    public UriBuilder loginStatus() {
        return UriBuilder.fromUri(base).path("realms/{realm}").path(REALM_RESOURCE).path("qr-login-status");
    }

    public String realmStatusUrl() {
        return loginStatus().build(realm).toString();
    }

    public UriBuilder authorizationEndpoint() {
        return UriBuilder.fromUri(base).path("realms/{realm}/protocol/openid-connect/auth");
    }

    public String realmName() {
        return realm;
    }

    private UriBuilder api() {
        return UriBuilder.fromUri(base).path("realms/{realm}").path(REALM_RESOURCE).path("v1/oauth");
    }
}
