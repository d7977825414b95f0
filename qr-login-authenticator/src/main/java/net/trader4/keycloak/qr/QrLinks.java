package net.trader4.keycloak.qr;

import java.net.URI;

import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Public URLs of QR logins, under the realm resource {@code trader4} that serves them. */
public final class QrLinks {

    /** The id of the realm resource provider in trader4-rest-resource. */
    public static final String REALM_RESOURCE = "trader4";

    private final URI base;
    private final String realm;

    public QrLinks(KeycloakSession session, RealmModel realm) {
        this.base = session.getContext().getUri().getBaseUri();
        this.realm = realm.getName();
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
