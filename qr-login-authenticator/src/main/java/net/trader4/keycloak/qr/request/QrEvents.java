package net.trader4.keycloak.qr.request;

import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

/**
 * Keycloak events of QR logins. Keycloak's event types are a closed set, so the closest ones of
 * its own cross-device flow (the device grant) are used, with {@code auth_type=trader4-qr}.
 * Events carry a digest of the token ({@code qr_id}), never the token.
 */
public final class QrEvents {

    public static final String AUTH_TYPE = "trader4-qr";
    public static final String QR_ID = "qr_id";
    public static final String QR_ORIGIN = "qr_origin";
    public static final String QR_DECISION = "qr_decision";

    private final KeycloakSession session;
    private final RealmModel realm;

    public QrEvents(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public void created(QrLoginRequest request, ClientModel client) {
        base(EventType.OAUTH2_DEVICE_AUTH, request).client(client).success();
    }

    public void decided(QrLoginRequest request, UserModel user, UserSessionModel phoneSession, boolean approved) {
        EventBuilder event = base(approved ? EventType.OAUTH2_DEVICE_VERIFY_USER_CODE : EventType.OAUTH2_DEVICE_VERIFY_USER_CODE_ERROR, request)
                .client(request.clientId())
                .user(user)
                .detail(Details.USERNAME, user.getUsername())
                .detail(QR_DECISION, approved ? "approve" : "deny");
        if (phoneSession != null) {
            event.session(phoneSession);
        }
        if (approved) {
            event.success();
        } else {
            event.error(Errors.CONSENT_DENIED);
        }
    }

    /** Details a LOGIN event of a collected QR login carries. */
    public static EventBuilder describeClaim(EventBuilder event, QrLoginRequest request) {
        return event.detail(Details.AUTH_TYPE, AUTH_TYPE)
                .detail(QR_ID, QrSecrets.eventId(request.token()))
                .detail(QR_ORIGIN, request.origin().name().toLowerCase(java.util.Locale.ROOT));
    }

    private EventBuilder base(EventType type, QrLoginRequest request) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection()).event(type);
        return describeClaim(event, request);
    }
}
