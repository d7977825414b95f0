package net.trader4.keycloak.otp.service;

import java.util.function.LongSupplier;

import net.trader4.keycloak.common.limit.LimitKeys;
import net.trader4.keycloak.common.limit.RateLimiter;
import net.trader4.keycloak.otp.challenge.StateKeys;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.limit.PhoneSendGuard;
import net.trader4.keycloak.otp.error.SendGuard;

/**
 * The limits every code to a destination passes before it is sent, whatever it is for (a sign-in,
 * proving a new phone number): the client's hourly cap, the destination's cooldown and hourly cap,
 * and for phones the guards against SMS pumping. One set of counters, so no purpose widens another's.
 */
final class SendAdmission {

    private static final int HOUR = 3600;

    private final RateLimiter limiter;
    private final OtpConfig config;
    private final String realmId;

    SendAdmission(RateLimiter limiter, OtpConfig config, String realmId) {
        this.limiter = limiter;
        this.config = config;
        this.realmId = realmId;
    }

    /**
     * Takes the slots one send needs, or refuses.
     *
     * @param delivered    whether a message really goes out: only those spend the phone budgets
     * @param cooldownLeft the seconds the running cooldown has left, asked only when one runs
     * @return the key of the cooldown started, to end it when the send then fails
     */
    String admit(Identifier destination, String clientIp, boolean delivered, LongSupplier cooldownLeft) throws OtpException {
        if (destination.type().isPhone()) {
            // A property of the number, not of a send: refused before any limit takes a slot.
            PhoneSendGuard.refuseRiskyNumberType(destination, config);
        }
        long ipWait = limiter.acquire(LimitKeys.ipBucket(realmId, "send", clientIp), config.sendsPerIpPerHour(), HOUR);
        if (ipWait > 0) {
            throw new OtpException(OtpError.RATE_LIMITED, "Too many codes requested from your network. Try again later.", ipWait)
                    .byGuard(SendGuard.IP);
        }
        String cooldownKey = StateKeys.cooldown(realmId, destination.value());
        if (!limiter.startCooldown(cooldownKey, config.resendCooldownSeconds())) {
            throw new OtpException(OtpError.RATE_LIMITED, "A code was sent moments ago. Wait before asking for another.",
                    cooldownLeft.getAsLong()).byGuard(SendGuard.COOLDOWN);
        }
        long idWait = limiter.acquire(LimitKeys.identifierBucket(realmId, "send", destination.value()),
                config.sendsPerIdentifierPerHour(), HOUR);
        if (idWait > 0) {
            throw new OtpException(OtpError.RATE_LIMITED, "Too many codes were sent to this identifier. Try again later.", idWait)
                    .byGuard(SendGuard.IDENTIFIER);
        }
        if (destination.type().isPhone()) {
            new PhoneSendGuard(limiter, config, realmId).admit(destination, delivered);
        }
        return cooldownKey;
    }

    /** A send that failed consumed nothing the user could notice: the next may go at once. */
    void sendFailed(String cooldownKey) {
        limiter.endCooldown(cooldownKey);
    }

    /** The seconds a cooldown has left that started with a code issued at {@code issuedAt} (0: unknown). */
    long cooldownLeft(long issuedAt, long now) {
        int cooldown = config.resendCooldownSeconds();
        long left = issuedAt <= 0 ? cooldown : issuedAt + cooldown - now;
        return Math.max(1, Math.min(cooldown, left));
    }
}
