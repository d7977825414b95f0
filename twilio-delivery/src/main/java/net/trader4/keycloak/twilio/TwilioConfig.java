package net.trader4.keycloak.twilio;

import static net.trader4.keycloak.twilio.TwilioConfigProperties.*;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A realm's Twilio settings, typed. Build it with {@link #from(Function)}; secrets may still be
 * vault expressions until {@link #withSecretsResolved(UnaryOperator)}.
 *
 * @param accountSid          the account ({@code AC...}) whose API is called
 * @param authToken           the account's auth token, or {@code null} when an API key is used
 * @param apiKeySid           an API key ({@code SK...}), or {@code null}
 * @param apiKeySecret        the API key's secret, or {@code null}
 * @param fromNumber          the sender number in E.164, or {@code null}
 * @param messagingServiceSid a messaging service ({@code MG...}) that picks the sender, or {@code null}
 * @param verifyServiceSid    a Verify service ({@code VA...}) for Verify mode, or {@code null}
 * @param http                how calls travel
 */
public record TwilioConfig(String accountSid, String authToken, String apiKeySid, String apiKeySecret,
                           String fromNumber, String messagingServiceSid, String verifyServiceSid,
                           TwilioHttpSettings http) {

    /**
     * Reads the settings by name from a lookup (realm attributes over provider options).
     * Blank values count as absent.
     *
     * @throws IllegalArgumentException when a value is malformed (a number that is not one, a
     *                                  base URL with a path); the message names the setting
     */
    public static TwilioConfig from(Function<String, String> lookup) {
        Function<String, String> read = name -> blankToNull(lookup.apply(name));
        String baseUrl = read.apply(API_BASE_URL);
        TwilioHttpSettings http = new TwilioHttpSettings(
                baseUrl == null ? null : TwilioBaseUrl.parse(baseUrl),
                millis(read, CONNECT_TIMEOUT_MILLIS, DEFAULT_CONNECT_TIMEOUT_MILLIS, 1, MAX_TIMEOUT_MILLIS),
                millis(read, READ_TIMEOUT_MILLIS, DEFAULT_READ_TIMEOUT_MILLIS, 1, MAX_TIMEOUT_MILLIS),
                integer(read, MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS, 1, MAX_ATTEMPTS_LIMIT),
                millis(read, RETRY_BACKOFF_MILLIS, DEFAULT_RETRY_BACKOFF_MILLIS, 0, MAX_RETRY_BACKOFF_MILLIS));
        return new TwilioConfig(read.apply(ACCOUNT_SID), read.apply(AUTH_TOKEN), read.apply(API_KEY_SID),
                read.apply(API_KEY_SECRET), read.apply(FROM_NUMBER), read.apply(MESSAGING_SERVICE_SID),
                read.apply(VERIFY_SERVICE_SID), http);
    }

    /** The same settings with the secrets passed through the resolver (Keycloak's vault). */
    public TwilioConfig withSecretsResolved(UnaryOperator<String> resolver) {
        return new TwilioConfig(accountSid, resolve(resolver, authToken), apiKeySid,
                resolve(resolver, apiKeySecret), fromNumber, messagingServiceSid, verifyServiceSid, http);
    }

    /** An API key when one is complete, otherwise the auth token. */
    public boolean usesApiKey() {
        return apiKeySid != null && apiKeySecret != null;
    }

    public boolean hasCredentials() {
        return accountSid != null && (usesApiKey() || authToken != null);
    }

    /** The user name of HTTP Basic authentication: the API key, or the account itself. */
    public String username() {
        return usesApiKey() ? apiKeySid : accountSid;
    }

    /** The password of HTTP Basic authentication; a secret. */
    public String password() {
        return usesApiKey() ? apiKeySecret : authToken;
    }

    /** Whether SMS can be sent: credentials and a sender number, a messaging service or Verify. */
    public boolean canSendSms() {
        return hasCredentials() && (fromNumber != null || messagingServiceSid != null || verifyMode());
    }

    /** Whether calls can be placed: credentials and a sender number (messaging services do not call) or Verify. */
    public boolean canCall() {
        return hasCredentials() && (fromNumber != null || verifyMode());
    }

    public boolean verifyMode() {
        return verifyServiceSid != null;
    }

    @Override
    public String toString() {
        // Secrets stay out of logs even when someone logs the whole config.
        return "TwilioConfig[accountSid=" + accountSid + ", credentials=" + (usesApiKey() ? "api key " + apiKeySid
                : authToken != null ? "auth token" : "none") + ", fromNumber=" + (fromNumber != null)
                + ", messagingServiceSid=" + messagingServiceSid + ", verifyServiceSid=" + verifyServiceSid
                + ", http=" + http + "]";
    }

    private static String resolve(UnaryOperator<String> resolver, String value) {
        return value == null ? null : blankToNull(resolver.apply(value));
    }

    private static Duration millis(Function<String, String> read, String name, int fallback, int min, int max) {
        return Duration.ofMillis(integer(read, name, fallback, min, max));
    }

    private static int integer(Function<String, String> read, String name, int fallback, int min, int max) {
        String text = read.apply(name);
        if (text == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Twilio setting " + name + " must be a whole number");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("Twilio setting " + name + " must be between " + min + " and " + max);
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
