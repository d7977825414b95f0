package net.trader4.keycloak.otp.channel;

import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Picks the channel a code for an identifier type leaves by, in the realm's order of preference. */
public final class DeliveryChannelSelector {

    private DeliveryChannelSelector() {
    }

    /** A chosen channel and its id. */
    public record Choice(String id, DeliveryChannel channel) {
    }

    public static Choice select(KeycloakSession session, RealmModel realm, OtpConfig config, IdentifierType type)
            throws OtpException {
        return select(session, realm, config, type, null);
    }

    /**
     * Whether a code to an identifier of {@code type} can leave the realm at all: what
     * {@link #select} would find. A channel whose settings are broken (half a set of Twilio
     * credentials) throws from its readiness check and counts as not ready.
     */
    public static boolean reaches(KeycloakSession session, RealmModel realm, OtpConfig config, IdentifierType type) {
        try {
            select(session, realm, config, type);
            return true;
        } catch (OtpException | RuntimeException e) {
            return false;
        }
    }

    /** @param requested a channel id the user asked for, or {@code null} for the realm's order */
    public static Choice select(KeycloakSession session, RealmModel realm, OtpConfig config, IdentifierType type,
                                String requested) throws OtpException {
        if (requested != null && !requested.isBlank()) {
            return requested(session, realm, config, type, requested.trim());
        }
        for (String id : config.channels()) {
            DeliveryChannel channel = session.getProvider(DeliveryChannel.class, id);
            if (channel == null || !channel.supports(type)) {
                continue;
            }
            if (channel.isReady(realm)) {
                return new Choice(id, channel);
            }
        }
        if (config.devLogChannel()) {
            DeliveryChannel log = session.getProvider(DeliveryChannel.class, LogDeliveryChannelFactory.PROVIDER_ID);
            if (log != null && log.supports(type)) {
                return new Choice(LogDeliveryChannelFactory.PROVIDER_ID, log);
            }
        }
        // A channel the realm never configured is a sign-in method it does not offer, not an outage.
        throw new OtpException(OtpError.UNSUPPORTED_IDENTIFIER,
                "Sign-in by " + type.description() + " is not available in this realm.");
    }

    private static Choice requested(KeycloakSession session, RealmModel realm, OtpConfig config, IdentifierType type,
                                    String id) throws OtpException {
        DeliveryChannel channel = config.channels().contains(id) ? session.getProvider(DeliveryChannel.class, id) : null;
        if (channel != null && channel.supports(type) && channel.isReady(realm)) {
            return new Choice(id, channel);
        }
        if (config.devLogChannel() && channel != null && channel.supports(type)) {
            return new Choice(LogDeliveryChannelFactory.PROVIDER_ID, session.getProvider(DeliveryChannel.class, LogDeliveryChannelFactory.PROVIDER_ID));
        }
        throw new OtpException(OtpError.UNSUPPORTED_IDENTIFIER,
                "Codes to a " + type.description() + " cannot be sent by '" + id + "' in this realm.");
    }
}
