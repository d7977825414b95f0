package net.trader4.keycloak.otp.service;

import net.trader4.keycloak.common.limit.RateLimiter;
import net.trader4.keycloak.otp.challenge.CodeGenerator;
import net.trader4.keycloak.otp.challenge.CodeHasher;
import net.trader4.keycloak.otp.challenge.OtpChallenge;
import net.trader4.keycloak.otp.channel.DeliveryChannelSelector;
import net.trader4.keycloak.otp.channel.DeliveryException;
import net.trader4.keycloak.otp.channel.OtpDelivery;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.limit.FailureCap;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Codes that prove a signed-in user holds a destination (a new phone number) before it is written
 * to their account. They leave by the same channels and pass the same limits as sign-in codes,
 * sharing the destination's cooldown and caps, and are checked with the same tries and budget of
 * wrong codes; the caller keeps the challenge, since it is no sign-in challenge.
 */
public final class OwnershipProofs {

    private static final Logger LOG = Logger.getLogger(OwnershipProofs.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OtpConfig config;
    private final RateLimiter limiter;
    private final OtpKeys keys;
    private final SendAdmission admission;
    private final OtpEvents events;
    private final OtpMetrics metrics = OtpMetrics.global();

    public OwnershipProofs(KeycloakSession session, RealmModel realm, OtpConfig config) {
        this.session = session;
        this.realm = realm;
        this.config = config;
        this.limiter = new RateLimiter(session.singleUseObjects());
        this.keys = new OtpKeys(session, realm);
        this.admission = new SendAdmission(limiter, config, realm.getId());
        this.events = new OtpEvents(session, realm);
    }

    public OtpConfig config() {
        return config;
    }

    /**
     * Sends a code to the destination for the user.
     *
     * @param requestedChannel a channel the user asked for, {@code null} for the realm's preference
     * @param lastSentAt       when the user's previous code to this destination went out (epoch
     *                         seconds), 0 if none: words the wait of a refused early resend
     * @return the challenge to keep until the code comes back; it holds only the code's hash
     */
    public OtpChallenge send(Identifier destination, UserModel user, String requestedChannel, long lastSentAt,
                             String clientIp) throws OtpException {
        DeliveryChannelSelector.Choice channel = DeliveryChannelSelector.select(session, realm, config, destination.type(),
                requestedChannel);
        String cooldownKey;
        try {
            cooldownKey = admission.admit(destination, clientIp, true, () -> admission.cooldownLeft(lastSentAt, Time.currentTime()));
        } catch (OtpException refusal) {
            if (refusal.guard() != null) {
                metrics.sendRefused(realm.getName(), refusal.guard(), OtpMetrics.PHONE_NUMBER);
                events.sendRefused(destination, refusal, OtpMetrics.PHONE_NUMBER);
            }
            throw refusal;
        }
        OtpKeys.Key key = keys.active();
        String code = channel.channel().checksCodesItself(realm) ? null : CodeGenerator.digits(config.codeLength());
        String challengeId = CodeGenerator.hex(16);
        long now = Time.currentTime();
        int ttl = config.codeTtlSeconds();
        long handedOver = System.nanoTime();
        try {
            channel.channel().deliver(new OtpDelivery(realm, user, destination, code, ttl,
                    session.getContext().resolveLocale(user)));
        } catch (DeliveryException e) {
            metrics.delivered(realm.getName(), channel.id(), System.nanoTime() - handedOver, e);
            events.deliveryFailed(destination, channel.id(), user, e, OtpMetrics.PHONE_NUMBER);
            admission.sendFailed(cooldownKey);
            throw new OtpException(e.reason() == DeliveryException.Reason.DESTINATION_REJECTED
                    ? OtpError.UNDELIVERABLE : OtpError.DELIVERY_UNAVAILABLE, e.getMessage());
        }
        metrics.delivered(realm.getName(), channel.id(), System.nanoTime() - handedOver, null);
        metrics.codeSent(realm.getName(), channel.id(), destination, OtpMetrics.PHONE_NUMBER);
        events.codeSent(destination, channel.id(), user, OtpMetrics.PHONE_NUMBER);
        LOG.debugf("Ownership code sent to %s in realm %s", destination.masked(), realm.getName());
        String codeHash = code == null ? OtpChallenge.CHECKED_BY_CHANNEL : CodeHasher.hash(key.secret(), challengeId, code);
        return new OtpChallenge(challengeId, codeHash, key.kid(), user.getId(), now, now + ttl, channel.id());
    }

    /**
     * Checks one try at the challenge's code; returns when it is right. Consuming the challenge is
     * the caller's, atomically, so a right code counts once.
     */
    public void check(Identifier destination, OtpChallenge challenge, String code, String clientIp) throws OtpException {
        try {
            checkTry(destination, challenge, code, clientIp);
            metrics.verified(realm.getName(), destination.type(), OtpMetrics.PHONE_NUMBER, OtpMetrics.SUCCESS);
        } catch (OtpException refusal) {
            metrics.verified(realm.getName(), destination.type(), OtpMetrics.PHONE_NUMBER, OtpMetrics.outcome(refusal.error()));
            throw refusal;
        }
    }

    private void checkTry(Identifier destination, OtpChallenge challenge, String code, String clientIp) throws OtpException {
        String typed = code == null ? "" : code.strip();
        if (!typed.matches("[0-9]{" + config.codeLength() + "}")) {
            throw new OtpException(OtpError.INVALID_REQUEST, "The code must be " + config.codeLength() + " digits.");
        }
        if (challenge.isExpired(Time.currentTime())) {
            throw new OtpException(OtpError.EXPIRED_CODE, "The code has expired. Request a new code.");
        }
        FailureCap failures = new FailureCap(limiter, realm.getId(), clientIp, config);
        failures.requireOpen();
        SentCodeCheck sentCodes = new SentCodeCheck(session, realm, keys, config);
        new CodeTries(limiter, failures, config.maxAttempts())
                .attempt(challenge, () -> sentCodes.accepts(challenge, destination, typed), "The code is not correct. ");
    }
}
