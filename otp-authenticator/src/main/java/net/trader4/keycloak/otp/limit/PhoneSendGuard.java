package net.trader4.keycloak.otp.limit;

import java.util.Locale;
import java.util.Set;

import net.trader4.keycloak.common.limit.LimitKeys;
import net.trader4.keycloak.common.limit.RateLimiter;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.config.OtpConfigProperties;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.error.SendGuard;
import net.trader4.keycloak.otp.identifier.Identifier;

/**
 * Guards against SMS pumping and toll fraud: every SMS or call costs money, and fraudsters
 * request codes for ranges of premium or foreign numbers they are paid for, and for number types
 * whose termination fees they share (UAN, VOIP, personal numbers), refused unless the realm allows them. Checked before each
 * send to a phone, after the per-identifier and per-IP limits.
 */
public final class PhoneSendGuard {

    private static final int HOUR = 3600;

    private final RateLimiter limiter;
    private final OtpConfig config;
    private final String realmId;

    public PhoneSendGuard(RateLimiter limiter, OtpConfig config, String realmId) {
        this.limiter = limiter;
        this.config = config;
        this.realmId = realmId;
    }

    /**
     * Refuses the number types the realm does not allow. A property of the number, not of a send:
     * checked before any limit takes a slot or starts a cooldown.
     */
    public static void refuseRiskyNumberType(Identifier phone, OtpConfig config) throws OtpException {
        if (OtpConfigProperties.RISKY_NUMBER_TYPES.contains(phone.phoneType())
                && !config.allowedRiskyNumberTypes().contains(phone.phoneType())) {
            throw new OtpException(OtpError.UNSUPPORTED_IDENTIFIER, "Sign-in codes are not sent to this kind of number ("
                    + phone.phoneType().toLowerCase(Locale.ROOT).replace('_', ' ') + "). Sign in another way.")
                    .byGuard(SendGuard.NUMBER_TYPE);
        }
    }

    /**
     * @param delivered whether an SMS or call really goes out. Only those spend the range, country
     *                  and realm budgets, so codes asked for numbers nobody has cannot use up what
     *                  real users need; every request is refused alike once a budget is spent, so
     *                  the refusal tells nobody whether a number has an account.
     */
    public void admit(Identifier phone, boolean delivered) throws OtpException {
        Set<String> allowed = config.allowedCountries();
        if (!allowed.isEmpty() && (phone.regionCode() == null || !allowed.contains(phone.regionCode()))) {
            throw new OtpException(OtpError.COUNTRY_NOT_ALLOWED,
                    "Sign-in codes cannot be sent to phone numbers in this country.").byGuard(SendGuard.COUNTRY);
        }
        take(SendGuard.PHONE_PREFIX, "phone-prefix", prefixOf(phone.value()), config.get(OtpConfigProperties.PHONE_SENDS_PER_PREFIX_PER_HOUR),
                "Too many codes were sent to numbers like this one. Try again later.", delivered);
        take(SendGuard.PHONE_COUNTRY, "phone-country", String.valueOf(phone.regionCode()), config.get(OtpConfigProperties.PHONE_SENDS_PER_COUNTRY_PER_HOUR),
                "Too many codes were sent to this country. Try again later.", delivered);
        take(SendGuard.PHONE_BUDGET, "phone-budget", "realm", config.get(OtpConfigProperties.PHONE_SENDS_PER_HOUR),
                "Sign-in by phone is paused for now. Try again later or use another way to sign in.", delivered);
    }

    /** All but the last three digits: a range of a thousand numbers. */
    static String prefixOf(String e164) {
        return e164.length() > 7 ? e164.substring(0, e164.length() - 3) : e164;
    }

    private void take(SendGuard guard, String purpose, String key, int limit, String message, boolean delivered)
            throws OtpException {
        String bucket = LimitKeys.identifierBucket(realmId, purpose, key);
        long wait = delivered ? limiter.acquire(bucket, limit, HOUR) : limiter.exhaustedFor(bucket, limit, HOUR);
        if (wait > 0) {
            throw new OtpException(OtpError.RATE_LIMITED, message, wait).byGuard(guard);
        }
    }
}
