package net.trader4.keycloak.twilio;

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

    private TwilioConfigProperties() {
    }
}
