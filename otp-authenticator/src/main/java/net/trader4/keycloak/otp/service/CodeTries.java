package net.trader4.keycloak.otp.service;

import net.trader4.keycloak.common.limit.RateLimiter;
import net.trader4.keycloak.otp.challenge.OtpChallenge;
import net.trader4.keycloak.otp.challenge.StateKeys;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.limit.FailureCap;
import org.keycloak.common.util.Time;

/**
 * One try at a pending code, whatever the code is for: an attempt slot of the code is claimed
 * before the comparison, so concurrent guesses never get more comparisons than the code allows,
 * and a wrong try counts against the client's hourly budget of wrong codes.
 */
final class CodeTries {

    /** The comparison itself: a hash, a channel's answer, a wallet signature. */
    interface Proof {
        boolean holds() throws OtpException;
    }

    private final RateLimiter limiter;
    private final FailureCap failures;
    private final int maxAttempts;

    CodeTries(RateLimiter limiter, FailureCap failures, int maxAttempts) {
        this.limiter = limiter;
        this.failures = failures;
        this.maxAttempts = maxAttempts;
    }

    /**
     * @param wrongWording the start of the refusal of a wrong try ("The code is not correct. "),
     *                     followed by the tries left
     */
    void attempt(OtpChallenge challenge, Proof proof, String wrongWording) throws OtpException {
        int attempt = limiter.takeSlot(attemptsKey(challenge), maxAttempts, lifespan(challenge));
        if (attempt < 0) {
            throw tooManyAttempts();
        }
        if (proof.holds()) {
            return;
        }
        boolean realmUnderAttack = failures.recordFailure();
        String account = challenge.hasAccount() ? challenge.userId() : null;
        int left = maxAttempts - attempt - 1;
        if (left > 0 && realmUnderAttack) {
            // Beyond the realm's budget a code gets one try: its other attempt slots are used up.
            int taken;
            do {
                taken = limiter.takeSlot(attemptsKey(challenge), maxAttempts, lifespan(challenge));
            } while (taken >= 0);
            left = 0;
        }
        if (left <= 0) {
            throw tooManyAttempts().forAccount(account);
        }
        throw OtpException.wrongCode(wrongWording + left + (left == 1 ? " try" : " tries") + " left.", left).forAccount(account);
    }

    private static String attemptsKey(OtpChallenge challenge) {
        return StateKeys.attempts(challenge.id());
    }

    private static long lifespan(OtpChallenge challenge) {
        return challenge.expiresAt() - Time.currentTime();
    }

    private static OtpException tooManyAttempts() {
        return new OtpException(OtpError.TOO_MANY_ATTEMPTS, "Too many wrong codes. Request a new code.");
    }
}
