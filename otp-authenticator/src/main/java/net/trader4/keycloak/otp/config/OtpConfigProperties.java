package net.trader4.keycloak.otp.config;

import java.util.List;
import java.util.Set;

import net.trader4.keycloak.common.account.SecondFactor;
import net.trader4.keycloak.common.settings.IntSetting;

/**
 * Names, defaults and safe bounds of the OTP settings. A realm sets them as realm attributes
 * named {@link #PREFIX}{@code <name>}; a browser-flow execution sets them in its config.
 */
public final class OtpConfigProperties {

    public static final String PREFIX = "trader4.otp.";

    public static final IntSetting CODE_LENGTH = new IntSetting("codeLength", 6, 6, 10,
            "Digits in a code.");
    public static final IntSetting CODE_TTL_SECONDS = new IntSetting("codeTtlSeconds", 300, 10, 900,
            "How long a code stays valid.");
    public static final IntSetting MAX_ATTEMPTS = new IntSetting("maxAttempts", 5, 1, 10,
            "Wrong tries allowed per code before it is locked.");
    public static final IntSetting RESEND_COOLDOWN_SECONDS = new IntSetting("resendCooldownSeconds", 30, 0, 600,
            "Minimum wait between two codes for one identifier.");
    public static final IntSetting SENDS_PER_IDENTIFIER_PER_HOUR = new IntSetting("sendsPerIdentifierPerHour", 5, 1, 100,
            "Codes one identifier can be sent per hour.");
    public static final IntSetting SENDS_PER_IP_PER_HOUR = new IntSetting("sendsPerIpPerHour", 30, 1, 100_000,
            "Codes one client IP can request per hour.");
    public static final IntSetting FAILURES_PER_IP_PER_HOUR = new IntSetting("failuresPerIpPerHour", 50, 1, 100_000,
            "Wrong codes one client IP (IPv6: one /64) can submit per hour.");
    public static final IntSetting FAILURES_PER_REALM_PER_HOUR = new IntSetting("failuresPerRealmPerHour", 1000, 1, 10_000_000,
            "Wrong codes per hour across the realm; beyond it every pending code gets one try only (a guessing attack spread over many addresses).");
    public static final IntSetting GOOGLE_STARTS_PER_IP_PER_HOUR = new IntSetting("googleStartsPerIpPerHour", 60, 1, 100_000,
            "Google sign-ins one client IP can start per hour (each keeps a state entry for 10 minutes).");

    public static final IntSetting PHONE_SENDS_PER_PREFIX_PER_HOUR = new IntSetting("phoneSendsPerPrefixPerHour", 10, 1, 100_000,
            "SMS and calls per hour to numbers sharing all but their last three digits (SMS pumping uses number ranges).");
    public static final IntSetting PHONE_SENDS_PER_COUNTRY_PER_HOUR = new IntSetting("phoneSendsPerCountryPerHour", 200, 1, 1_000_000,
            "SMS and calls per hour to one destination country.");
    public static final IntSetting PHONE_SENDS_PER_HOUR = new IntSetting("phoneSendsPerHour", 1000, 1, 1_000_000,
            "SMS and calls per hour for the whole realm: the budget.");

    public static final String DEFAULT_REGION = "defaultRegion";
    public static final String ALLOWED_COUNTRIES = "allowedCountries";
    /**
     * Number types that are refused by default because calls and texts to them are a known toll
     * fraud route (libphonenumber names: {@code UAN}, {@code VOIP}, {@code PERSONAL_NUMBER}), which
     * the realm accepts anyway.
     */
    public static final String ALLOWED_RISKY_NUMBER_TYPES = "allowedRiskyNumberTypes";
    public static final Set<String> RISKY_NUMBER_TYPES = Set.of("UAN", "VOIP", "PERSONAL_NUMBER");
    public static final String AUTO_REGISTER = "autoRegister";
    public static final String CHANNELS = "channels";
    public static final String ALLOWED_IDENTIFIER_TYPES = "allowedIdentifierTypes";
    public static final String DEV_LOG_CHANNEL = "devLogChannel";
    /**
     * Whether a second factor the user enrolled (authenticator app, security key) is asked for after
     * the code; on unless set to {@code false}.
     */
    public static final String HONOUR_SECOND_FACTOR = SecondFactor.HONOUR_SETTING;

    public static final List<String> DEFAULT_CHANNELS = List.of("email", "sms", "voice");

    public static final List<IntSetting> INT_SETTINGS = List.of(CODE_LENGTH, CODE_TTL_SECONDS, MAX_ATTEMPTS,
            RESEND_COOLDOWN_SECONDS, SENDS_PER_IDENTIFIER_PER_HOUR, SENDS_PER_IP_PER_HOUR, FAILURES_PER_IP_PER_HOUR,
            FAILURES_PER_REALM_PER_HOUR, GOOGLE_STARTS_PER_IP_PER_HOUR,
            PHONE_SENDS_PER_PREFIX_PER_HOUR, PHONE_SENDS_PER_COUNTRY_PER_HOUR, PHONE_SENDS_PER_HOUR);

    private OtpConfigProperties() {
    }
}
