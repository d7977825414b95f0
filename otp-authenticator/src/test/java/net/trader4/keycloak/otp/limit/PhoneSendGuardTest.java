package net.trader4.keycloak.otp.limit;

import java.util.List;
import java.util.Map;

import net.trader4.keycloak.common.limit.InMemorySingleUseObjects;
import net.trader4.keycloak.common.limit.RateLimiter;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.error.SendGuard;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.IdentifierClassifier;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import net.trader4.keycloak.otp.identifier.InvalidIdentifierException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneSendGuardTest {

    private static Identifier mobile(String e164, String region) {
        return new Identifier(IdentifierType.MOBILE, e164, "MOBILE", region);
    }

    private static PhoneSendGuard guard(Map<String, String> settings) {
        return new PhoneSendGuard(new RateLimiter(new InMemorySingleUseObjects()), OtpConfig.from(settings::get), "realm");
    }

    @Test
    void countriesOutsideTheAllowlistAre403() throws OtpException {
        PhoneSendGuard guard = guard(Map.of("allowedCountries", "gb, de"));
        guard.admit(mobile("+447912345678", "GB"), true);
        OtpException refused = assertThrows(OtpException.class, () -> guard.admit(mobile("+33612345678", "FR"), true));
        assertEquals(OtpError.COUNTRY_NOT_ALLOWED, refused.error());
        assertEquals(403, refused.error().status());
        assertEquals(SendGuard.COUNTRY, refused.guard());
    }

    @Test
    void aNumberRangeIsCappedAsOne() throws OtpException {
        PhoneSendGuard guard = guard(Map.of("phoneSendsPerPrefixPerHour", "3"));
        for (int last = 100; last < 103; last++) {
            guard.admit(mobile("+447912345" + last, "GB"), true);
        }
        OtpException refused = assertThrows(OtpException.class, () -> guard.admit(mobile("+447912345199", "GB"), true));
        assertEquals(OtpError.RATE_LIMITED, refused.error());
        assertEquals(SendGuard.PHONE_PREFIX, refused.guard());
        assertTrue(refused.retryAfterSeconds() > 0);
        guard.admit(mobile("+447912346100", "GB"), true);
    }

    @Test
    void countryCapAndRealmBudgetHold() throws OtpException {
        PhoneSendGuard perCountry = guard(Map.of("phoneSendsPerCountryPerHour", "2"));
        perCountry.admit(mobile("+447911111111", "GB"), true);
        perCountry.admit(mobile("+447922222222", "GB"), true);
        assertEquals(SendGuard.PHONE_COUNTRY,
                assertThrows(OtpException.class, () -> perCountry.admit(mobile("+447933333333", "GB"), true)).guard());
        perCountry.admit(mobile("+4915112345678", "DE"), true);

        PhoneSendGuard budget = guard(Map.of("phoneSendsPerHour", "2"));
        budget.admit(mobile("+447911111111", "GB"), true);
        budget.admit(mobile("+4915112345678", "DE"), true);
        OtpException paused = assertThrows(OtpException.class, () -> budget.admit(mobile("+33612345678", "FR"), true));
        assertTrue(paused.getMessage().contains("paused"), paused.getMessage());
        assertEquals(SendGuard.PHONE_BUDGET, paused.guard());
    }

    @Test
    void requestsForNumbersNobodyHasCannotSpendTheBudgetsButMeetThemOnceSpent() throws Exception {
        PhoneSendGuard budget = guard(Map.of("phoneSendsPerHour", "2"));
        for (int i = 0; i < 50; i++) {
            budget.admit(mobile("+4479111111" + String.format("%02d", i), "GB"), false);
        }
        budget.admit(mobile("+447922222222", "GB"), true);
        budget.admit(mobile("+4915112345678", "DE"), true);
        assertThrows(OtpException.class, () -> budget.admit(mobile("+33612345678", "FR"), true), "real sends spent it");
        assertThrows(OtpException.class, () -> budget.admit(mobile("+33612345679", "FR"), false),
                "and then it is refused alike, whether or not the number has an account");
    }

    @Test
    void prefixDropsTheLastThreeDigits() {
        assertEquals("+447912345", PhoneSendGuard.prefixOf("+447912345678"));
    }

    @Test
    void tollFraudNumberTypesAreRefusedUnlessTheRealmAllowsThem() throws Exception {
        IdentifierClassifier numbers = new IdentifierClassifier(null);
        Identifier uan = numbers.classify("+445528888852");
        Identifier voip = numbers.classify("+445612345678");
        Identifier personal = numbers.classify("+447012345678");
        assertEquals(List.of("UAN", "VOIP", "PERSONAL_NUMBER"), List.of(uan.phoneType(), voip.phoneType(), personal.phoneType()));

        OtpConfig strict = OtpConfig.from(Map.<String, String>of()::get);
        for (Identifier risky : List.of(uan, voip, personal)) {
            OtpException refused = assertThrows(OtpException.class, () -> PhoneSendGuard.refuseRiskyNumberType(risky, strict),
                    risky.phoneType());
            assertEquals(OtpError.UNSUPPORTED_IDENTIFIER, refused.error());
            assertEquals(SendGuard.NUMBER_TYPE, refused.guard());
            assertTrue(refused.getMessage().contains("kind of number"), refused.getMessage());
            assertFalse(refused.getMessage().contains(risky.value().substring(4)), "no number in the message");
        }
        PhoneSendGuard.refuseRiskyNumberType(numbers.classify("+442079460123"), strict);
        PhoneSendGuard.refuseRiskyNumberType(mobile("+447912345678", "GB"), strict);

        OtpConfig relaxed = OtpConfig.from(Map.of("allowedRiskyNumberTypes", "uan, voip, PREMIUM_RATE")::get);
        PhoneSendGuard.refuseRiskyNumberType(uan, relaxed);
        PhoneSendGuard.refuseRiskyNumberType(voip, relaxed);
        assertThrows(OtpException.class, () -> PhoneSendGuard.refuseRiskyNumberType(personal, relaxed), "only the types named");
        assertThrows(InvalidIdentifierException.class, () -> numbers.classify("+449098790000"),
                "premium rate stays refused whatever the setting");
    }
}
