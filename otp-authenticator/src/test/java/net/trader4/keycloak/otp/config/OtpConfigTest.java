package net.trader4.keycloak.otp.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import net.trader4.keycloak.common.account.SecondFactor;
import net.trader4.keycloak.common.settings.IntSetting;
import net.trader4.keycloak.common.settings.RealmSetting;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.keycloak.models.RealmModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class OtpConfigTest {

    @Test
    void defaultsAreTheSafeOnes() {
        OtpConfig config = OtpConfig.from(name -> null);
        assertEquals(6, config.codeLength());
        assertEquals(300, config.codeTtlSeconds());
        assertEquals(5, config.maxAttempts());
        assertEquals(30, config.resendCooldownSeconds());
        assertFalse(config.autoRegister());
        assertFalse(config.devLogChannel());
        assertTrue(config.honourSecondFactor(), "an enrolled second factor is asked for");
        assertNull(config.defaultRegion());
        assertEquals(List.of("email", "sms", "voice"), config.channels());
        assertEquals(EnumSet.allOf(IdentifierType.class), config.allowedIdentifierTypes());
    }

    @Test
    void onlyAnExplicitFalseTurnsTheSecondFactorOff() {
        assertFalse(OtpConfig.from(Map.of("honourSecondFactor", " FALSE ")::get).honourSecondFactor());
        assertTrue(OtpConfig.from(Map.of("honourSecondFactor", "no")::get).honourSecondFactor());
        assertTrue(OtpConfig.from(Map.of("honourSecondFactor", "true")::get).honourSecondFactor());
    }

    @Test
    void valuesAreClampedToSafeBoundsAndTyposFallBackToDefaults() {
        Map<String, String> values = Map.of("codeLength", "4", "maxAttempts", "1000", "codeTtlSeconds", "five minutes");
        OtpConfig config = OtpConfig.from(values::get);
        assertEquals(6, config.codeLength(), "never shorter than 6 digits");
        assertEquals(10, config.maxAttempts(), "never more than 10 tries");
        assertEquals(300, config.codeTtlSeconds());
    }

    @Test
    void listsAndFlagsAreParsed() {
        Map<String, String> values = Map.of("channels", "sms, email", "allowedIdentifierTypes", "email##mobile",
                "autoRegister", "true", "defaultRegion", " ir ");
        OtpConfig config = OtpConfig.from(values::get);
        assertEquals(List.of("sms", "email"), config.channels());
        assertEquals(EnumSet.of(IdentifierType.EMAIL, IdentifierType.MOBILE), config.allowedIdentifierTypes());
        assertTrue(config.autoRegister());
        assertEquals("IR", config.defaultRegion());
    }

    @Test
    void aFlowStepChoosesOnlyItsIdentifierKindsAndTheRealmKeepsTheRest() {
        RealmModel realm = mock(RealmModel.class);
        Map<String, String> attributes = Map.of(OtpConfigProperties.PREFIX + "codeLength", "8",
                OtpConfigProperties.PREFIX + "allowedIdentifierTypes", "email,mobile,wallet");
        when(realm.getAttribute(anyString())).thenAnswer(call -> attributes.get(call.<String>getArgument(0)));

        OtpConfig step = OtpConfig.forStep(Map.of("allowedIdentifierTypes", "email##wallet", "codeLength", "10"), realm);

        assertEquals(8, step.codeLength(), "a code length left in an old step config is not used: the realm's is");
        assertEquals(EnumSet.of(IdentifierType.EMAIL, IdentifierType.WALLET), step.allowedIdentifierTypes());
        assertEquals(EnumSet.of(IdentifierType.EMAIL, IdentifierType.MOBILE, IdentifierType.WALLET),
                OtpConfig.forStep(Map.of("allowedIdentifierTypes", ""), realm).allowedIdentifierTypes(),
                "a step that chooses nothing offers the realm's kinds");
        assertEquals(8, OtpConfig.forRealm(realm).codeLength());
    }

    @Test
    void theCatalogueShowsEveryBoundedSetting() {
        Set<String> shown = OtpConfigProperties.GROUP.settings().stream().map(RealmSetting::attribute).collect(Collectors.toSet());
        for (IntSetting setting : OtpConfigProperties.INT_SETTINGS) {
            assertTrue(shown.contains(OtpConfigProperties.PREFIX + setting.name()), setting.name());
        }
        assertTrue(shown.contains(SecondFactor.REALM_ATTRIBUTE));
    }
}
