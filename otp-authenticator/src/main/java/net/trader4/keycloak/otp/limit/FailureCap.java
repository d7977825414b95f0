package net.trader4.keycloak.otp.limit;

import net.trader4.keycloak.common.limit.LimitKeys;
import net.trader4.keycloak.common.limit.RateLimiter;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;

/**
 * Wrong codes per client network per hour, one budget for every code a client can get wrong
 * (sign-in codes, wallet signatures, authenticator-app codes): a guesser gains nothing by switching
 * kinds. Across the realm a second budget counts every wrong code: once a guessing attack spread
 * over many addresses has used it up, each pending code gets one try only. It never refuses a
 * right code, so an attacker who burns it cannot lock real users out.
 */
public final class FailureCap {

    private static final int HOUR = 3600;

    private final RateLimiter limiter;
    private final String bucket;
    private final int limit;
    private final String realmBucket;
    private final int realmLimit;

    public FailureCap(RateLimiter limiter, String realmId, String clientIp, OtpConfig config) {
        this.limiter = limiter;
        this.bucket = LimitKeys.ipBucket(realmId, "fail", clientIp);
        this.limit = config.failuresPerIpPerHour();
        this.realmBucket = LimitKeys.realmBucket(realmId, "fail");
        this.realmLimit = config.failuresPerRealmPerHour();
    }

    /** Refuses before any comparison once the address used up its budget. */
    public void requireOpen() throws OtpException {
        long wait = limiter.exhaustedFor(bucket, limit, HOUR);
        if (wait > 0) {
            throw new OtpException(OtpError.RATE_LIMITED, "Too many wrong codes from your network. Try again later.", wait);
        }
    }

    /**
     * Counts a wrong code; answers whether the realm's budget is used up, in which case the caller
     * ends the pending code rather than leaving it more tries.
     */
    public boolean recordFailure() {
        limiter.acquire(bucket, limit, HOUR);
        return limiter.acquire(realmBucket, realmLimit, HOUR) > 0;
    }
}
