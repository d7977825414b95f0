package net.trader4.keycloak.otp.limit;

import java.util.Map;

import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import net.trader4.keycloak.otp.service.OtpError;
import net.trader4.keycloak.otp.service.OtpException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        guard.admit(mobile("+447912345678", "GB"));
        OtpException refused = assertThrows(OtpException.class, () -> guard.admit(mobile("+33612345678", "FR")));
        assertEquals(OtpError.COUNTRY_NOT_ALLOWED, refused.error());
        assertEquals(403, refused.error().status());
    }

    @Test
    void aNumberRangeIsCappedAsOne() throws OtpException {
        PhoneSendGuard guard = guard(Map.of("phoneSendsPerPrefixPerHour", "3"));
        for (int last = 100; last < 103; last++) {
            guard.admit(mobile("+447912345" + last, "GB"));
        }
        OtpException refused = assertThrows(OtpException.class, () -> guard.admit(mobile("+447912345199", "GB")));
        assertEquals(OtpError.RATE_LIMITED, refused.error());
        assertTrue(refused.retryAfterSeconds() > 0);
        guard.admit(mobile("+447912346100", "GB"));
    }

    @Test
    void countryCapAndRealmBudgetHold() throws OtpException {
        PhoneSendGuard perCountry = guard(Map.of("phoneSendsPerCountryPerHour", "2"));
        perCountry.admit(mobile("+447911111111", "GB"));
        perCountry.admit(mobile("+447922222222", "GB"));
        assertThrows(OtpException.class, () -> perCountry.admit(mobile("+447933333333", "GB")));
        perCountry.admit(mobile("+4915112345678", "DE"));

        PhoneSendGuard budget = guard(Map.of("phoneSendsPerHour", "2"));
        budget.admit(mobile("+447911111111", "GB"));
        budget.admit(mobile("+4915112345678", "DE"));
        OtpException paused = assertThrows(OtpException.class, () -> budget.admit(mobile("+33612345678", "FR")));
        assertTrue(paused.getMessage().contains("paused"), paused.getMessage());
    }

    @Test
    void prefixDropsTheLastThreeDigits() {
        assertEquals("+447912345", PhoneSendGuard.prefixOf("+447912345678"));
    }
}
