package net.trader4.keycloak.otp.service;

import net.trader4.keycloak.otp.challenge.CodeHasher;
import net.trader4.keycloak.otp.challenge.OtpChallenge;
import net.trader4.keycloak.otp.channel.DeliveryChannel;
import net.trader4.keycloak.otp.channel.DeliveryException;
import net.trader4.keycloak.otp.identifier.Identifier;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Whether a typed code is the one sent: against its keyed hash, or asked of the channel that made it. */
final class SentCodeCheck {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OtpKeys keys;

    SentCodeCheck(KeycloakSession session, RealmModel realm, OtpKeys keys) {
        this.session = session;
        this.realm = realm;
        this.keys = keys;
    }

    boolean accepts(OtpChallenge challenge, Identifier destination, String code) throws OtpException {
        return challenge.isCheckedByChannel() ? channelAccepts(challenge, destination, code) : hashMatches(challenge, code);
    }

    private boolean channelAccepts(OtpChallenge challenge, Identifier destination, String code) throws OtpException {
        DeliveryChannel channel = session.getProvider(DeliveryChannel.class, challenge.channel());
        if (channel == null) {
            throw new OtpException(OtpError.EXPIRED_CODE, "This code can no longer be checked. Request a new code.");
        }
        try {
            return channel.checkCode(realm, destination, code);
        } catch (DeliveryException e) {
            throw new OtpException(OtpError.DELIVERY_UNAVAILABLE, e.getMessage());
        }
    }

    private boolean hashMatches(OtpChallenge challenge, String code) {
        byte[] secret = keys.byKid(challenge.keyId());
        return secret != null && CodeHasher.matches(secret, challenge.id(), code, challenge.codeHash());
    }
}
