package net.trader4.keycloak.twilio;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import net.trader4.keycloak.common.settings.InvalidSettingException;
import net.trader4.keycloak.common.settings.RealmSetting;
import net.trader4.keycloak.common.settings.SettingsGroup;
import net.trader4.keycloak.common.settings.SettingsRule;

/**
 * Names and defaults of the Twilio settings. Each name is a provider option of the {@code sms}
 * and {@code voice} channels and, prefixed with {@link #REALM_ATTRIBUTE_PREFIX}, a realm
 * attribute that overrides it ({@code trader4.twilio.accountSid}).
 */
public final class TwilioConfigProperties {

    public static final String REALM_ATTRIBUTE_PREFIX = "trader4.twilio.";

    public static final String ACCOUNT_SID = "accountSid";
    /** Secret; may be a vault expression such as {@code ${vault.twilio_auth_token}}. */
    public static final String AUTH_TOKEN = "authToken";
    /** An API key ({@code SK...}) and its secret, used instead of the auth token when both are set. */
    public static final String API_KEY_SID = "apiKeySid";
    /** Secret; may be a vault expression. */
    public static final String API_KEY_SECRET = "apiKeySecret";
    /** The E.164 number codes are sent and called from; required for voice. */
    public static final String FROM_NUMBER = "fromNumber";
    /** A messaging service ({@code MG...}); preferred over {@link #FROM_NUMBER} for SMS when set. */
    public static final String MESSAGING_SERVICE_SID = "messagingServiceSid";
    /** A Twilio Verify service ({@code VA...}); when set, the realm may let Twilio own the code. */
    public static final String VERIFY_SERVICE_SID = "verifyServiceSid";
    /**
     * Sends every Twilio API call to this scheme, host and port instead, keeping path and query
     * (the {@code TWILIO_API_BASE_URL} setting: egress proxies, local stand-ins).
     */
    public static final String API_BASE_URL = "apiBaseUrl";
    public static final String CONNECT_TIMEOUT_MILLIS = "connectTimeoutMillis";
    public static final String READ_TIMEOUT_MILLIS = "readTimeoutMillis";
    /** Attempts per send, the first included; only sends that provably did nothing are repeated. */
    public static final String MAX_ATTEMPTS = "maxAttempts";
    /** Wait before the first repeat; doubled for each further one. */
    public static final String RETRY_BACKOFF_MILLIS = "retryBackoffMillis";

    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 3_000;
    public static final int DEFAULT_READ_TIMEOUT_MILLIS = 10_000;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final int DEFAULT_RETRY_BACKOFF_MILLIS = 250;

    /** Upper bounds keep a misconfigured realm from holding a sign-in request for minutes. */
    static final int MAX_TIMEOUT_MILLIS = 60_000;
    static final int MAX_ATTEMPTS_LIMIT = 5;
    static final int MAX_RETRY_BACKOFF_MILLIS = 5_000;

    private static final RealmSetting.ItemCheck E164 = value -> value.matches("\\+[1-9][0-9]{6,14}") ? Optional.empty()
            : Optional.of("must be a number in E.164 form such as +447700900123");

    /** The realm settings of Twilio as the admin console and the admin REST resource show them; empty ones take the server's options. */
    public static final SettingsGroup GROUP = new SettingsGroup("SMS and voice (Twilio)", List.of(
            RealmSetting.text(REALM_ATTRIBUTE_PREFIX + ACCOUNT_SID, "Account SID",
                    "The Twilio account (AC...). Empty: the server's.", null, sid("AC")),
            RealmSetting.secret(REALM_ATTRIBUTE_PREFIX + AUTH_TOKEN, "Auth token",
                    "The account's auth token, or a vault reference such as ${vault.twilio_token}."),
            RealmSetting.text(REALM_ATTRIBUTE_PREFIX + API_KEY_SID, "API key SID",
                    "An API key (SK...) used with its secret instead of the auth token.", null, sid("SK")),
            RealmSetting.secret(REALM_ATTRIBUTE_PREFIX + API_KEY_SECRET, "API key secret",
                    "The API key's secret, or a vault reference."),
            RealmSetting.text(REALM_ATTRIBUTE_PREFIX + FROM_NUMBER, "Sender number",
                    "The E.164 number codes are sent and called from; required for calls.", null, E164),
            RealmSetting.text(REALM_ATTRIBUTE_PREFIX + MESSAGING_SERVICE_SID, "Messaging service SID",
                    "A messaging service (MG...), preferred over the sender number for SMS.", null, sid("MG")),
            RealmSetting.text(REALM_ATTRIBUTE_PREFIX + VERIFY_SERVICE_SID, "Verify service SID",
                    "A Twilio Verify service (VA...): Twilio makes, sends and checks the codes.", null, sid("VA")),
            RealmSetting.text(REALM_ATTRIBUTE_PREFIX + API_BASE_URL, "API base URL",
                    "Send every Twilio API call to this scheme, host and port instead (https://, or http:// on this "
                            + "machine); needs the realm's own credentials.", null, TwilioConfigProperties::baseUrlProblem),
            RealmSetting.integer(REALM_ATTRIBUTE_PREFIX + CONNECT_TIMEOUT_MILLIS, "Connect timeout (ms)",
                    "How long to wait for a connection to Twilio.", DEFAULT_CONNECT_TIMEOUT_MILLIS, 1, MAX_TIMEOUT_MILLIS),
            RealmSetting.integer(REALM_ATTRIBUTE_PREFIX + READ_TIMEOUT_MILLIS, "Read timeout (ms)",
                    "How long to wait for Twilio's answer.", DEFAULT_READ_TIMEOUT_MILLIS, 1, MAX_TIMEOUT_MILLIS),
            RealmSetting.integer(REALM_ATTRIBUTE_PREFIX + MAX_ATTEMPTS, "Attempts per send",
                    "Attempts per send, the first included; only sends that provably did nothing are repeated.",
                    DEFAULT_MAX_ATTEMPTS, 1, MAX_ATTEMPTS_LIMIT),
            RealmSetting.integer(REALM_ATTRIBUTE_PREFIX + RETRY_BACKOFF_MILLIS, "Retry backoff (ms)",
                    "Wait before the first repeat; doubled for each further one.", DEFAULT_RETRY_BACKOFF_MILLIS, 0,
                    MAX_RETRY_BACKOFF_MILLIS)),
            List.of(new SettingsRule(
                    Set.of(ACCOUNT_SID, AUTH_TOKEN, API_KEY_SID, API_KEY_SECRET, API_BASE_URL).stream()
                            .map(name -> REALM_ATTRIBUTE_PREFIX + name).collect(Collectors.toSet()),
                    valuesAfter -> {
                        String problem = TwilioSettingsLookup.ownCredentialsProblem(
                                name -> valuesAfter.apply(REALM_ATTRIBUTE_PREFIX + name));
                        if (problem != null) {
                            throw new InvalidSettingException(REALM_ATTRIBUTE_PREFIX + ACCOUNT_SID,
                                    Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ".");
                        }
                    })));

    private static RealmSetting.ItemCheck sid(String prefix) {
        return value -> value.matches(prefix + "[0-9a-fA-F]{32}") ? Optional.empty()
                : Optional.of("must be a Twilio id: " + prefix + " and 32 hexadecimal digits");
    }

    private static Optional<String> baseUrlProblem(String value) {
        try {
            TwilioBaseUrl.parse(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("is refused: " + e.getMessage());
        }
    }

    private TwilioConfigProperties() {
    }
}
