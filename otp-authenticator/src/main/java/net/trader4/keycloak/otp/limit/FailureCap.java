package net.trader4.keycloak.otp.limit;

import net.trader4.keycloak.otp.challenge.StateKeys;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.service.OtpError;
import net.trader4.keycloak.otp.service.OtpException;

/**
 * Wrong codes per client IP per hour, one budget for every code a client can get wrong (sign-in
 * codes, wallet signatures, authenticator-app codes): a guesser gains nothing by switching kinds.
 */
public final class FailureCap {

    private static final int HOUR = 3600;

    private final RateLimiter limiter;
    private final String bucket;
    private final int limit;

    public FailureCap(RateLimiter limiter, String realmId, String clientIp, OtpConfig config) {
        this.limiter = limiter;
        this.bucket = StateKeys.ipBucket(realmId, "fail", clientIp);
        this.limit = config.failuresPerIpPerHour();
    }

    /** Refuses before any comparison once the address used up its budget. */
    public void requireOpen() throws OtpException {
        long wait = limiter.exhaustedFor(bucket, limit, HOUR);
        if (wait > 0) {
            throw new OtpException(OtpError.RATE_LIMITED, "Too many wrong codes from your network. Try again later.", wait);
        }
    }

    public void recordFailure() {
        limiter.acquire(bucket, limit, HOUR);
    }
}
