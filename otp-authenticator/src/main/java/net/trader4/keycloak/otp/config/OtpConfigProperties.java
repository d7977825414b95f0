package net.trader4.keycloak.otp.config;

import java.util.List;
import java.util.Set;

import net.trader4.keycloak.common.account.SecondFactor;
import net.trader4.keycloak.common.settings.IntSetting;
import net.trader4.keycloak.common.settings.RealmSetting;
import net.trader4.keycloak.common.settings.SettingsGroup;

/**
 * Names, defaults and safe bounds of the OTP settings. A realm sets them as realm attributes
 * named {@link #PREFIX}{@code <name>}, the one source the API and the browser step share; a
 * browser-flow execution sets only {@link #ALLOWED_IDENTIFIER_TYPES}, which is truly per flow.
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

    /** The realm settings of one-time codes as the admin console and the admin REST resource show them. */
    public static final SettingsGroup GROUP = new SettingsGroup("One-time codes", List.of(
            RealmSetting.integer(PREFIX, CODE_LENGTH, "Code length"),
            RealmSetting.integer(PREFIX, CODE_TTL_SECONDS, "Code lifetime (seconds)"),
            RealmSetting.integer(PREFIX, MAX_ATTEMPTS, "Tries per code"),
            RealmSetting.integer(PREFIX, RESEND_COOLDOWN_SECONDS, "Resend cooldown (seconds)"),
            RealmSetting.integer(PREFIX, SENDS_PER_IDENTIFIER_PER_HOUR, "Codes per identifier per hour"),
            RealmSetting.integer(PREFIX, SENDS_PER_IP_PER_HOUR, "Codes per client IP per hour"),
            RealmSetting.integer(PREFIX, FAILURES_PER_IP_PER_HOUR, "Wrong codes per client IP per hour"),
            RealmSetting.integer(PREFIX, FAILURES_PER_REALM_PER_HOUR, "Wrong codes per realm per hour"),
            RealmSetting.integer(PREFIX, GOOGLE_STARTS_PER_IP_PER_HOUR, "Google sign-ins per client IP per hour"),
            RealmSetting.integer(PREFIX, PHONE_SENDS_PER_PREFIX_PER_HOUR, "Texts and calls per number range per hour"),
            RealmSetting.integer(PREFIX, PHONE_SENDS_PER_COUNTRY_PER_HOUR, "Texts and calls per country per hour"),
            RealmSetting.integer(PREFIX, PHONE_SENDS_PER_HOUR, "Texts and calls per hour (budget)"),
            RealmSetting.list(PREFIX + CHANNELS, "Delivery channels",
                    "Channel ids in order of preference.", String.join(",", DEFAULT_CHANNELS), RealmSetting.NAME),
            RealmSetting.list(PREFIX + ALLOWED_IDENTIFIER_TYPES, "Identifier kinds",
                    "Kinds of identifier accepted; a browser flow's step may offer fewer. Empty: all.",
                    "email,mobile,landline,wallet", List.of("email", "mobile", "landline", "wallet")),
            RealmSetting.list(PREFIX + ALLOWED_COUNTRIES, "Phone countries",
                    "Destination countries phones may be in (ISO 3166 codes). Empty: all.", null, RealmSetting.REGION_CODE),
            RealmSetting.list(PREFIX + ALLOWED_RISKY_NUMBER_TYPES, "Risky number types accepted",
                    "Number types refused by default as a toll-fraud route that the realm accepts anyway.", null,
                    List.of("UAN", "VOIP", "PERSONAL_NUMBER")),
            RealmSetting.text(PREFIX + DEFAULT_REGION, "Default phone region",
                    "ISO 3166 region for numbers written without +. Empty: E.164 numbers only.", null, RealmSetting.REGION_CODE),
            RealmSetting.bool(PREFIX + AUTO_REGISTER, "Auto-registration",
                    "Create the account on the first successful sign-in by email or phone (never for wallets).", false),
            RealmSetting.bool(PREFIX + HONOUR_SECOND_FACTOR, "Honour second factors",
                    "Ask for the authenticator app, or refuse, when the account has a second factor.", true),
            RealmSetting.bool(PREFIX + DEV_LOG_CHANNEL, "Print codes to the log (development only)",
                    "Print codes to the server log when no channel can send them. Never in production.", false)));

    private OtpConfigProperties() {
    }
}
