package net.trader4.keycloak.admin.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.trader4.keycloak.common.settings.SettingsCatalogue;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsViewTest {

    private static final SettingsCatalogue CATALOGUE = Trader4Settings.CATALOGUE;

    @Test
    void aSecretShowsOnlyWhetherItIsSet() {
        Map<String, Object> token = SettingsView.setting(CATALOGUE.find("trader4.twilio.authToken").orElseThrow(), "s3cr3t-token");
        assertEquals(true, token.get("set"));
        assertFalse(token.containsKey("value"));
        assertFalse(token.toString().contains("s3cr3t-token"), token.toString());
        assertEquals(false, SettingsView.setting(CATALOGUE.find("trader4.twilio.authToken").orElseThrow(), null).get("set"));
    }

    @Test
    void theWholeViewNeverCarriesAStoredSecret() {
        Map<String, String> stored = Map.of("trader4.twilio.authToken", "s3cr3t-token",
                "trader4.twilio.apiKeySecret", "${vault.key_secret}", "trader4.otp.codeLength", "8");
        String view = SettingsView.of(CATALOGUE, stored::get).toString();
        assertFalse(view.contains("s3cr3t-token") || view.contains("vault.key_secret"), view);
    }

    @Test
    void valuesInForceAreTypedAndDefaultsMarked() {
        Map<String, Object> length = SettingsView.setting(CATALOGUE.find("trader4.otp.codeLength").orElseThrow(), "8");
        assertEquals(8, length.get("value"));
        assertEquals(6, length.get("default"));
        assertEquals(false, length.get("isDefault"));
        assertEquals(6, length.get("min"));
        assertEquals(10, length.get("max"));

        Map<String, Object> channels = SettingsView.setting(CATALOGUE.find("trader4.otp.channels").orElseThrow(), null);
        assertEquals(List.of("email", "sms", "voice"), channels.get("value"));
        assertEquals(true, channels.get("isDefault"));
    }

    @Test
    void aNumberImportedOutOfBoundsShowsWhatIsInForce() {
        // A realm import is not checked on the way in; the modules clamp such a value when they read it.
        Map<String, Object> length = SettingsView.setting(CATALOGUE.find("trader4.otp.codeLength").orElseThrow(), "4");
        assertEquals(6, length.get("value"));
    }

    @Test
    void adminEventsHideSecretsAndRecordUnsets() {
        Map<String, Object> recorded = SettingsView.event(CATALOGUE, new java.util.LinkedHashMap<>(Map.<String, Optional<String>>of(
                "trader4.twilio.authToken", Optional.of("s3cr3t-token"),
                "trader4.otp.codeLength", Optional.empty())));
        assertEquals(SettingsView.HIDDEN, recorded.get("trader4.twilio.authToken"));
        assertTrue(recorded.containsKey("trader4.otp.codeLength"));
        assertNull(recorded.get("trader4.otp.codeLength"));
    }

    @Test
    void theCatalogueHoldsTheRealmSettingsOfEveryModule() {
        for (String attribute : List.of("trader4.api.clientId", "trader4.requestHostTrusted", "trader4.otp.codeLength",
                "trader4.otp.honourSecondFactor", "trader4.otp.devLogChannel", "trader4.qr.ttlSeconds",
                "trader4.qr.approvingClientIds", "trader4.twilio.accountSid", "trader4.twilio.retryBackoffMillis")) {
            assertTrue(CATALOGUE.find(attribute).isPresent(), attribute);
        }
        assertFalse(CATALOGUE.find("trader4.otp.grantEnabled").isPresent(), "a client's setting, not the realm's");
    }
}
