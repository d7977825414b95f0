package net.trader4.keycloak.otp.service;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.trader4.keycloak.otp.channel.DeliveryException;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OtpMetricsTest {

    @Test
    void countryIsThePhoneNumbersAndNoneForEverythingElse() {
        assertEquals("GB", OtpMetrics.country(new Identifier(IdentifierType.MOBILE, "+447888872720", "MOBILE", "GB")));
        assertEquals("DE", OtpMetrics.country(new Identifier(IdentifierType.LANDLINE, "+493012345678", "FIXED_LINE", "DE")));
        assertEquals("none", OtpMetrics.country(Identifier.email("hi@trader4.net")));
        assertEquals("none", OtpMetrics.country(new Identifier(IdentifierType.WALLET, "0x52908400098527886E0F7030069857D2E4169EE7", null, null)));
    }

    @Test
    void numbersOfNoCountryNeverAddATagValue() {
        // libphonenumber names international freephone "001" and what it cannot place "ZZ".
        assertEquals("none", OtpMetrics.country(new Identifier(IdentifierType.LANDLINE, "+80012345678", "TOLL_FREE", "001")));
        assertEquals("none", OtpMetrics.country(new Identifier(IdentifierType.MOBILE, "+999123456", "UNKNOWN", "ZZ")));
        assertEquals("none", OtpMetrics.country(new Identifier(IdentifierType.MOBILE, "+999123456", "UNKNOWN", null)));
    }

    @Test
    void refusedChecksAreCountedByTheApisErrorCodeButPlainerForTheCommonestTwo() {
        assertEquals("wrong_code", OtpMetrics.outcome(OtpError.INVALID_CODE));
        assertEquals("expired", OtpMetrics.outcome(OtpError.EXPIRED_CODE));
        assertEquals("too_many_attempts", OtpMetrics.outcome(OtpError.TOO_MANY_ATTEMPTS));
        assertEquals("rate_limited", OtpMetrics.outcome(OtpError.RATE_LIMITED));
    }

    @Test
    void deliveriesAreTimedByChannelAndOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OtpMetrics metrics = new OtpMetrics(registry);

        metrics.delivered("trader4", "sms", TimeUnit.MILLISECONDS.toNanos(250), null);
        metrics.delivered("trader4", "sms", TimeUnit.MILLISECONDS.toNanos(750), null);
        metrics.delivered("trader4", "sms", TimeUnit.MILLISECONDS.toNanos(100),
                new DeliveryException(DeliveryException.Reason.PROVIDER_UNAVAILABLE, "down"));

        Timer delivered = registry.find(OtpMetrics.DELIVERY).tags("realm", "trader4", "channel", "sms", "outcome", "success").timer();
        assertEquals(2, delivered.count());
        assertEquals(1000, delivered.totalTime(TimeUnit.MILLISECONDS), 0.001);
        Timer failed = registry.find(OtpMetrics.DELIVERY).tags("channel", "sms", "outcome", "provider_unavailable").timer();
        assertEquals(1, failed.count());
    }
}
