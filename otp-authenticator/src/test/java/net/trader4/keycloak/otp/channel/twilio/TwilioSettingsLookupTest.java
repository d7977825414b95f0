package net.trader4.keycloak.otp.channel.twilio;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.keycloak.Config;
import org.keycloak.models.RealmModel;

class TwilioSettingsLookupTest {

    /** A realm that only answers getAttribute and getName. */
    private static RealmModel realm(Map<String, String> attributes) {
        return (RealmModel) Proxy.newProxyInstance(RealmModel.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> args.length == 1 ? attributes.get((String) args[0]) : null;
                    case "getName" -> "demo";
                    default -> throw new UnsupportedOperationException(method.getName() + Arrays.toString(args));
                });
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
                realm(Map.of("trader4.twilio.fromNumber", "+15005550006", "trader4.twilio.authToken", " ")),
                List.of(options(Map.of("accountSid", "AC-voice")),
                        options(Map.of("accountSid", "AC-sms", "fromNumber", "+15550000000", "authToken", "t"))));

        assertEquals("+15005550006", lookup.apply("fromNumber"));
        assertEquals("AC-voice", lookup.apply("accountSid"));
        assertEquals("t", lookup.apply("authToken"), "a blank realm attribute does not hide the option");
        assertNull(lookup.apply("messagingServiceSid"));
    }

    @Test
    void feedsTwilioConfig() {
        TwilioConfig config = TwilioConfig.from(TwilioSettingsLookup.forRealm(
                realm(Map.of("trader4.twilio.apiBaseUrl", "http://127.0.0.1:8089")),
                List.of(options(Map.of("accountSid", "AC1", "authToken", "t", "fromNumber", "+15005550006")))));

        assertTrue(config.canCall());
        assertEquals("127.0.0.1", config.http().baseUrl().host());
    }
}
