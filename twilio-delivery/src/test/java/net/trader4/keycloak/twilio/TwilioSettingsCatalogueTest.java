package net.trader4.keycloak.twilio;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.trader4.keycloak.common.settings.InvalidSettingException;
import net.trader4.keycloak.common.settings.RealmSetting;
import net.trader4.keycloak.common.settings.SettingType;
import net.trader4.keycloak.common.settings.SettingsCatalogue;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwilioSettingsCatalogueTest {

    private static final SettingsCatalogue CATALOGUE = new SettingsCatalogue(List.of(TwilioConfigProperties.GROUP));
    private static final String SID = "AC" + "0123456789abcdef".repeat(2);

    @Test
    void tokensAndKeySecretsAreSecrets() {
        for (String name : List.of("authToken", "apiKeySecret")) {
            RealmSetting setting = CATALOGUE.find("trader4.twilio." + name).orElseThrow();
            assertEquals(SettingType.SECRET, setting.type(), name);
        }
    }

    @Test
    void aRealmEndpointWithoutItsOwnCredentialsIsRefused() {
        SettingsCatalogue.Refusal refusal = assertThrows(SettingsCatalogue.Refusal.class,
                () -> CATALOGUE.check(Map.of("trader4.twilio.apiBaseUrl", "https://twilio-proxy.example"), name -> null));
        assertTrue(refusal.getMessage().contains("complete credentials"), refusal.getMessage());
    }

    @Test
    void aCompleteSetWithAVaultReferenceIsTaken() throws Exception {
        assertEquals(Optional.of("${vault.twilio_token}"), CATALOGUE.check(Map.of(
                "trader4.twilio.accountSid", SID,
                "trader4.twilio.authToken", "${vault.twilio_token}",
                "trader4.twilio.apiBaseUrl", "https://twilio-proxy.example"), name -> null).get("trader4.twilio.authToken"));
    }

    @Test
    void malformedValuesAreRefusedWithTheirSettingNamed() {
        for (Map.Entry<String, String> bad : Map.of(
                "trader4.twilio.apiBaseUrl", "http://twilio.attacker.example",
                "trader4.twilio.fromNumber", "07700 900123",
                "trader4.twilio.readTimeoutMillis", "600000",
                "trader4.twilio.verifyServiceSid", "AC123").entrySet()) {
            InvalidSettingException refused = assertThrows(InvalidSettingException.class,
                    () -> CATALOGUE.find(bad.getKey()).orElseThrow().normalise(bad.getValue()), bad.getKey());
            assertEquals(bad.getKey(), refused.setting());
        }
    }
}
