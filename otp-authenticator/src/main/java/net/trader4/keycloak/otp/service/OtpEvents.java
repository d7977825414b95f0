package net.trader4.keycloak.otp.service;

import java.util.Locale;

import net.trader4.keycloak.otp.channel.DeliveryException;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.identifier.Identifier;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Keycloak events of codes and of accounts made by a first sign-in. Keycloak's event types are a
 * closed set: a code sent is {@code SEND_VERIFY_EMAIL} (Keycloak's own message that proves a
 * destination), a send that a limit refused or a channel failed is {@code SEND_VERIFY_EMAIL_ERROR},
 * an account made is {@code REGISTER}; {@code auth_type=trader4-otp} and the {@code channel} detail
 * tell them from Keycloak's own. A destination appears only masked, never in full.
 */
public final class OtpEvents {

    /** {@code auth_type} of every event of a sign-in by code, whichever way in it took. */
    public static final String AUTH_TYPE = "trader4-otp";
    static final String CHANNEL = "channel";
    static final String DESTINATION = "destination";
    static final String IDENTIFIER_TYPE = "identifier_type";
    static final String PURPOSE = "purpose";
    static final String GUARD = "guard";
    static final String DELIVERY_FAILED = "delivery_failed";

    private final KeycloakSession session;
    private final RealmModel realm;
    private ClientModel client;

    OtpEvents(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The client events name where Keycloak's context has none (the API's own calls). */
    void client(ClientModel client) {
        this.client = client;
    }

    /** @param user the account the code is for, {@code null} when none exists yet */
    void codeSent(Identifier destination, String channel, UserModel user, String purpose) {
        EventBuilder event = base(EventType.SEND_VERIFY_EMAIL, destination, purpose).detail(CHANNEL, channel);
        if (user != null) {
            event.user(user);
        }
        event.success();
    }

    /** A limit refused the send; the refusal is about a destination or a network, so no account is named. */
    void sendRefused(Identifier destination, OtpException refusal, String purpose) {
        base(EventType.SEND_VERIFY_EMAIL_ERROR, destination, purpose)
                .detail(GUARD, refusal.guard().tag())
                .error(refusal.error().code());
    }

    void deliveryFailed(Identifier destination, String channel, UserModel user, DeliveryException failure, String purpose) {
        EventBuilder event = base(EventType.SEND_VERIFY_EMAIL_ERROR, destination, purpose)
                .detail(CHANNEL, channel)
                .detail(Details.REASON, failure.reason().name().toLowerCase(Locale.ROOT));
        if (user != null) {
            event.user(user);
        }
        event.error(DELIVERY_FAILED);
    }

    void registered(UserModel user, Identifier identifier) {
        base(EventType.REGISTER, identifier, OtpMetrics.SIGN_IN)
                .user(user)
                .detail(Details.REGISTER_METHOD, AUTH_TYPE)
                .success();
    }

    private EventBuilder base(EventType type, Identifier destination, String purpose) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection()).event(type)
                .detail(Details.AUTH_TYPE, AUTH_TYPE)
                .detail(IDENTIFIER_TYPE, destination.type().name().toLowerCase(Locale.ROOT))
                .detail(DESTINATION, destination.masked())
                .detail(PURPOSE, purpose);
        ClientModel named = client != null ? client : session.getContext().getClient();
        if (named != null) {
            event.client(named);
        }
        return event;
    }
}
