package net.trader4.keycloak.otp.authenticator;

import java.util.HashMap;
import java.util.Map;

import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.config.OtpConfigProperties;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecutionSettingsTest {

    @Test
    void keepsOnlyChosenValues() {
        Map<String, String> stored = new HashMap<>();
        stored.put("codeLength", " 8 ");
        stored.put("codeTtlSeconds", "");
        stored.put("maxAttempts", null);
        stored.put("autoRegister", "inherit");
        stored.put("channels", "sms##email");

        Map<String, String> chosen = ExecutionSettings.overrides(stored);

        assertEquals(Map.of("codeLength", "8", "channels", "sms##email"), chosen);
    }

    @Test
    void noConfigMeansNoOverride() {
        assertTrue(ExecutionSettings.overrides(null).isEmpty());
    }

    @Test
    void overridesReadByTheEngineUnderItsOwnNames() {
        Map<String, String> realmAttributes = Map.of(
                OtpConfigProperties.PREFIX + "codeLength", "7",
                OtpConfigProperties.PREFIX + "resendCooldownSeconds", "45",
                OtpConfigProperties.PREFIX + "autoRegister", "true");
        Map<String, String> execution = ExecutionSettings.overrides(Map.of(
                "codeLength", "9", "autoRegister", "inherit", "allowedIdentifierTypes", "email##mobile"));

        OtpConfig config = OtpConfig.from(name -> execution.getOrDefault(name, realmAttributes.get(OtpConfigProperties.PREFIX + name)));

        assertEquals(9, config.codeLength(), "the execution wins");
        assertEquals(45, config.resendCooldownSeconds(), "the realm fills what the execution leaves");
        assertTrue(config.autoRegister(), "inherit falls through to the realm");
        assertEquals(2, config.allowedIdentifierTypes().size());
        assertTrue(config.allowedIdentifierTypes().contains(IdentifierType.MOBILE));
        assertFalse(config.allowedIdentifierTypes().contains(IdentifierType.WALLET));
    }
}
