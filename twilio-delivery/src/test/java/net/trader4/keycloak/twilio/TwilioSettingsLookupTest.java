package net.trader4.keycloak.twilio;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import net.trader4.keycloak.common.settings.SecretSettings;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;
import org.keycloak.Config;
import org.keycloak.models.RealmModel;

class TwilioSettingsLookupTest {

    /** A realm with attributes and no secret store. */
    private static RealmModel realm(Map<String, String> attributes) {
        return realm(attributes, null);
    }

    /** A realm that only answers its attributes, name, id and secret store ({@code null}: none). */
    private static RealmModel realm(Map<String, String> attributes, Map<String, String> secrets) {
        return (RealmModel) Proxy.newProxyInstance(RealmModel.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> args.length == 1 ? attributes.get((String) args[0]) : null;
                    case "getName" -> "demo";
                    case "getId" -> "realm-id";
                    case "getComponentsStream" -> secrets != null && "realm-id".equals(args[0])
                            && SecretSettings.PROVIDER_TYPE.equals(args[1]) ? Stream.of(store(secrets)) : Stream.empty();
                    default -> throw new UnsupportedOperationException(method.getName() + Arrays.toString(args));
                });
    }

    private static ComponentModel store(Map<String, String> secrets) {
        ComponentModel store = new ComponentModel();
        store.setProviderType(SecretSettings.PROVIDER_TYPE);
        store.setProviderId(SecretSettings.PROVIDER_ID);
        secrets.forEach(store::put);
        return store;
    }

    private static Config.Scope options(Map<String, String> values) {
        return (Config.Scope) Proxy.newProxyInstance(Config.Scope.class.getClassLoader(),
                new Class<?>[] {Config.Scope.class}, (proxy, method, args) -> {
                    if (method.getName().equals("get") && args.length == 1) {
                        return values.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void realmAttributesWinOverProviderOptionsWhichWinInOrder() {
        Function<String, String> lookup = TwilioSettingsLookup.forRealm(
                realm(Map.of("trader4.twilio.fromNumber", "+15005550006", "trader4.twilio.authToken", " ",
                        "trader4.twilio.readTimeoutMillis", "2000")),
                List.of(options(Map.of("accountSid", "AC-voice")),
                        options(Map.of("accountSid", "AC-sms", "fromNumber", "+15550000000", "authToken", "t"))));

        assertEquals("+15005550006", lookup.apply("fromNumber"));
        assertEquals("AC-voice", lookup.apply("accountSid"));
        assertEquals("t", lookup.apply("authToken"), "a blank realm attribute does not hide the option");
        assertNull(lookup.apply("messagingServiceSid"));
        assertEquals("2000", lookup.apply("readTimeoutMillis"));
    }

    private static final Config.Scope SERVER = options(Map.of("accountSid", "AC-server", "authToken", "server-token",
            "fromNumber", "+15550000000", "apiBaseUrl", "http://127.0.0.1:8089"));

    @Test
    void aRealmEndpointWithoutItsOwnCredentialsIsRefusedNeverFedTheServers() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> TwilioSettingsLookup.forRealm(
                realm(Map.of("trader4.twilio.apiBaseUrl", "https://attacker.example")), List.of(SERVER)));
        assertTrue(refused.getMessage().contains("trader4.twilio.apiBaseUrl"), refused.getMessage());
        assertFalse(refused.getMessage().contains("server-token"), "never a secret in the message");

        assertThrows(IllegalArgumentException.class, () -> TwilioSettingsLookup.forRealm(realm(Map.of(
                "trader4.twilio.apiBaseUrl", "https://attacker.example", "trader4.twilio.accountSid", "AC-realm")),
                List.of(SERVER)), "the server's token with the realm's account is no set of its own");
        assertThrows(IllegalArgumentException.class, () -> TwilioSettingsLookup.forRealm(realm(Map.of(
                "trader4.twilio.apiBaseUrl", "https://attacker.example", "trader4.twilio.authToken", "t")),
                List.of(SERVER)), "the server's account with a realm token is no set of its own either");
    }

    @Test
    void aRealmWithItsOwnCredentialsMayNameItsEndpointAndGetsNoneOfTheServers() {
        Function<String, String> lookup = TwilioSettingsLookup.forRealm(realm(Map.of(
                "trader4.twilio.apiBaseUrl", "https://egress.example", "trader4.twilio.accountSid", "AC-realm",
                "trader4.twilio.apiKeySid", "SK-realm", "trader4.twilio.apiKeySecret", "key-secret")), List.of(SERVER));

        assertEquals("https://egress.example", lookup.apply("apiBaseUrl"));
        assertEquals("AC-realm", lookup.apply("accountSid"));
        assertEquals("SK-realm", lookup.apply("apiKeySid"));
        assertNull(lookup.apply("authToken"), "the server's token never joins the realm's account");
        assertEquals("+15550000000", lookup.apply("fromNumber"), "non-secret settings still fall back");
    }

    @Test
    void realmCredentialsComeAsACompleteSet() {
        Function<String, String> own = TwilioSettingsLookup.forRealm(realm(Map.of(
                "trader4.twilio.accountSid", "AC-realm", "trader4.twilio.authToken", "realm-token")), List.of(SERVER));
        assertEquals("realm-token", own.apply("authToken"));
        assertEquals("http://127.0.0.1:8089", own.apply("apiBaseUrl"), "the server's endpoint is the server's to choose");

        assertThrows(IllegalArgumentException.class, () -> TwilioSettingsLookup.forRealm(
                realm(Map.of("trader4.twilio.accountSid", "AC-realm")), List.of(SERVER)));
    }

    @Test
    void withoutRealmCredentialsOrEndpointTheServersSetIsUsedAtTheServersEndpoint() {
        Function<String, String> lookup = TwilioSettingsLookup.forRealm(
                realm(Map.of("trader4.twilio.fromNumber", "+15005550006")), List.of(SERVER));

        assertEquals("AC-server", lookup.apply("accountSid"));
        assertEquals("server-token", lookup.apply("authToken"));
        assertEquals("http://127.0.0.1:8089", lookup.apply("apiBaseUrl"));
    }

    @Test
    void secretsComeFromTheRealmsSecretStoreBeforeAnAttributeLeftFromAnImport() {
        Function<String, String> lookup = TwilioSettingsLookup.forRealm(realm(
                Map.of("trader4.twilio.accountSid", "AC-realm", "trader4.twilio.authToken", "old-attribute-token",
                        "trader4.twilio.apiKeySecret", "attribute-key-secret"),
                Map.of("trader4.twilio.authToken", "stored-token")), List.of(SERVER));

        assertEquals("stored-token", lookup.apply("authToken"));
        assertEquals("attribute-key-secret", lookup.apply("apiKeySecret"), "a secret not in the store is still read from the attribute");
        assertEquals("AC-realm", lookup.apply("accountSid"), "only secrets live in the store");

        assertThrows(IllegalArgumentException.class, () -> TwilioSettingsLookup.forRealm(
                realm(Map.of(), Map.of("trader4.twilio.authToken", "stored-token")), List.of(SERVER)),
                "a stored token without the realm's account is no complete set either");
    }

    @Test
    void feedsTwilioConfig() {
        TwilioConfig config = TwilioConfig.from(TwilioSettingsLookup.forRealm(
                realm(Map.of("trader4.twilio.apiBaseUrl", "http://127.0.0.1:8089", "trader4.twilio.accountSid", "AC1",
                        "trader4.twilio.authToken", "t")),
                List.of(options(Map.of("fromNumber", "+15005550006")))));

        assertTrue(config.canCall());
        assertEquals("127.0.0.1", config.http().baseUrl().host());
    }
}
