package net.trader4.keycloak.twilio;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TwilioConfigTest {

    private static final String SID = "AC00000000000000000000000000000001";

    private static TwilioConfig config(Map<String, String> settings) {
        return TwilioConfig.from(settings::get);
    }

    private static Map<String, String> tokenAndNumber() {
        Map<String, String> settings = new HashMap<>();
        settings.put(TwilioConfigProperties.ACCOUNT_SID, SID);
        settings.put(TwilioConfigProperties.AUTH_TOKEN, "token-secret");
        settings.put(TwilioConfigProperties.FROM_NUMBER, "+15005550006");
        return settings;
    }

    @Test
    void readsAnAccountWithAuthTokenAndSenderNumber() {
        TwilioConfig config = config(tokenAndNumber());

        assertTrue(config.canSendSms());
        assertTrue(config.canCall());
        assertFalse(config.usesApiKey());
        assertEquals(SID, config.username());
        assertEquals("token-secret", config.password());
        assertFalse(config.verifyMode());
    }

    @Test
    void defaultsBoundEveryWait() {
        TwilioHttpSettings http = config(tokenAndNumber()).http();

        assertNull(http.baseUrl());
        assertEquals(Duration.ofMillis(TwilioConfigProperties.DEFAULT_CONNECT_TIMEOUT_MILLIS), http.connectTimeout());
        assertEquals(Duration.ofMillis(TwilioConfigProperties.DEFAULT_READ_TIMEOUT_MILLIS), http.readTimeout());
        assertEquals(TwilioConfigProperties.DEFAULT_MAX_ATTEMPTS, http.maxAttempts());
        assertEquals(Duration.ofMillis(TwilioConfigProperties.DEFAULT_RETRY_BACKOFF_MILLIS), http.retryBackoff());
        assertEquals(TwilioHttpSettings.defaults(), http);
    }

    @Test
    void anApiKeyWinsOverTheAuthTokenButTheAccountStaysTheAccount() {
        Map<String, String> settings = tokenAndNumber();
        settings.put(TwilioConfigProperties.API_KEY_SID, "SK00000000000000000000000000000002");
        settings.put(TwilioConfigProperties.API_KEY_SECRET, "key-secret");

        TwilioConfig config = config(settings);

        assertTrue(config.usesApiKey());
        assertEquals("SK00000000000000000000000000000002", config.username());
        assertEquals("key-secret", config.password());
        assertEquals(SID, config.accountSid());
    }

    @Test
    void anApiKeyWithoutItsSecretIsNoCredential() {
        Map<String, String> settings = tokenAndNumber();
        settings.remove(TwilioConfigProperties.AUTH_TOKEN);
        settings.put(TwilioConfigProperties.API_KEY_SID, "SK00000000000000000000000000000002");

        assertFalse(config(settings).hasCredentials());
    }

    @Test
    void aMessagingServiceSendsSmsButCannotCall() {
        Map<String, String> settings = tokenAndNumber();
        settings.remove(TwilioConfigProperties.FROM_NUMBER);
        settings.put(TwilioConfigProperties.MESSAGING_SERVICE_SID, "MG00000000000000000000000000000003");

        TwilioConfig config = config(settings);

        assertTrue(config.canSendSms());
        assertFalse(config.canCall());
    }

    @Test
    void blankValuesCountAsAbsent() {
        Map<String, String> settings = tokenAndNumber();
        settings.put(TwilioConfigProperties.AUTH_TOKEN, "  ");
        settings.put(TwilioConfigProperties.API_BASE_URL, "");

        TwilioConfig config = config(settings);

        assertFalse(config.hasCredentials());
        assertNull(config.http().baseUrl());
    }

    @Test
    void readsBaseUrlTimeoutsRetriesAndVerifyService() {
        Map<String, String> settings = tokenAndNumber();
        settings.put(TwilioConfigProperties.API_BASE_URL, "http://127.0.0.1:8089/");
        settings.put(TwilioConfigProperties.CONNECT_TIMEOUT_MILLIS, "500");
        settings.put(TwilioConfigProperties.READ_TIMEOUT_MILLIS, "1500");
        settings.put(TwilioConfigProperties.MAX_ATTEMPTS, "2");
        settings.put(TwilioConfigProperties.RETRY_BACKOFF_MILLIS, "0");
        settings.put(TwilioConfigProperties.VERIFY_SERVICE_SID, "VA00000000000000000000000000000004");

        TwilioConfig config = config(settings);

        assertEquals(new TwilioHttpSettings(new TwilioBaseUrl("http", "127.0.0.1", 8089), Duration.ofMillis(500),
                Duration.ofMillis(1500), 2, Duration.ZERO), config.http());
        assertTrue(config.verifyMode());
    }

    @Test
    void malformedNumbersNameTheSettingNotTheValue() {
        Map<String, String> settings = tokenAndNumber();
        settings.put(TwilioConfigProperties.READ_TIMEOUT_MILLIS, "ten seconds");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config(settings));
        assertTrue(e.getMessage().contains(TwilioConfigProperties.READ_TIMEOUT_MILLIS), e.getMessage());
        assertFalse(e.getMessage().contains("ten seconds"));
    }

    @Test
    void outOfRangeValuesAreRefused() {
        Map<String, String> settings = tokenAndNumber();
        settings.put(TwilioConfigProperties.MAX_ATTEMPTS, "50");

        assertThrows(IllegalArgumentException.class, () -> config(settings));
    }

    @Test
    void secretsGoThroughTheResolverAndNothingElseDoes() {
        Map<String, String> settings = tokenAndNumber();
        settings.put(TwilioConfigProperties.AUTH_TOKEN, "${vault.twilio_token}");
        settings.put(TwilioConfigProperties.API_KEY_SECRET, "${vault.twilio_key}");

        TwilioConfig resolved = config(settings).withSecretsResolved(
                value -> value.startsWith("${vault.") ? "from-" + value.substring(8, value.length() - 1) : value);

        assertEquals("from-twilio_token", resolved.authToken());
        assertEquals("from-twilio_key", resolved.apiKeySecret());
        assertEquals(SID, resolved.accountSid());
        assertEquals("+15005550006", resolved.fromNumber());
    }

    @Test
    void aVaultEntryThatIsMissingLeavesNoCredential() {
        Map<String, String> settings = tokenAndNumber();
        settings.put(TwilioConfigProperties.AUTH_TOKEN, "${vault.missing}");

        assertFalse(config(settings).withSecretsResolved(value -> null).hasCredentials());
    }

    @Test
    void toStringHoldsNoSecret() {
        Map<String, String> settings = tokenAndNumber();
        settings.put(TwilioConfigProperties.API_KEY_SID, "SK00000000000000000000000000000002");
        settings.put(TwilioConfigProperties.API_KEY_SECRET, "key-secret");

        String text = config(settings).toString();

        assertFalse(text.contains("token-secret"), text);
        assertFalse(text.contains("key-secret"), text);
    }
}
