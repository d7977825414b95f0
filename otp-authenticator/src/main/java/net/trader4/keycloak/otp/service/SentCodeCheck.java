package net.trader4.keycloak.otp.service;

import net.trader4.keycloak.otp.challenge.CodeHasher;
import net.trader4.keycloak.otp.challenge.OtpChallenge;
import net.trader4.keycloak.otp.channel.DeliveryChannel;
import net.trader4.keycloak.otp.channel.DeliveryChannelSelector;
import net.trader4.keycloak.otp.channel.DeliveryException;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.identifier.Identifier;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Whether a typed code is the one sent: against its keyed hash, or asked of the channel that made it. */
final class SentCodeCheck {

    /** Pacing key prefix of code checks made by a channel, beside the sends of the same channel. */
    private static final String CHECK_PREFIX = "check:";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OtpKeys keys;
    private final OtpConfig config;

    SentCodeCheck(KeycloakSession session, RealmModel realm, OtpKeys keys, OtpConfig config) {
        this.session = session;
        this.realm = realm;
        this.keys = keys;
        this.config = config;
    }

    boolean accepts(OtpChallenge challenge, Identifier destination, String code) throws OtpException {
        if (challenge.isCheckedByChannel()) {
            return channelAccepts(challenge, destination, code);
        }
        long started = System.nanoTime();
        boolean matches = hashMatches(challenge, code);
        if (!matches) {
            holdLikeAChannelCheck(destination, started);
        }
        return matches;
    }

    /**
     * Where the realm's channel checks codes itself (Twilio Verify), a code for a known identifier
     * costs a round trip to it and one for an identifier nobody received a code for would not: the
     * latter is held until a typical check has passed, so no timing tells the two apart.
     */
    private void holdLikeAChannelCheck(Identifier destination, long started) {
        try {
            DeliveryChannelSelector.Choice channel = DeliveryChannelSelector.select(session, realm, config, destination.type());
            if (channel.channel().checksCodesItself(realm)) {
                SignPacing.holdUntil(started, SignPacing.typicalSend(realm.getId(), CHECK_PREFIX + channel.id()));
            }
        } catch (OtpException noChannel) {
            // No channel for this kind of identifier: nothing was sent to anyone.
        }
    }

    private boolean channelAccepts(OtpChallenge challenge, Identifier destination, String code) throws OtpException {
        DeliveryChannel channel = session.getProvider(DeliveryChannel.class, challenge.channel());
        if (channel == null) {
            throw new OtpException(OtpError.EXPIRED_CODE, "This code can no longer be checked. Request a new code.");
        }
        long started = System.nanoTime();
        try {
            return channel.checkCode(realm, destination, code);
        } catch (DeliveryException e) {
            throw new OtpException(OtpError.DELIVERY_UNAVAILABLE, e.getMessage());
        } finally {
            SignPacing.recordSend(realm.getId(), CHECK_PREFIX + challenge.channel(), System.nanoTime() - started);
        }
    }

    private boolean hashMatches(OtpChallenge challenge, String code) {
        byte[] secret = keys.byKid(challenge.keyId());
        return secret != null && CodeHasher.matches(secret, challenge.id(), code, challenge.codeHash());
    }
}
