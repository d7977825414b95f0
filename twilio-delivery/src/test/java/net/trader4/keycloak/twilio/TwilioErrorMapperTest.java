package net.trader4.keycloak.twilio;

import static net.trader4.keycloak.otp.channel.DeliveryException.Reason.DESTINATION_REJECTED;
import static net.trader4.keycloak.otp.channel.DeliveryException.Reason.PROVIDER_UNAVAILABLE;
import static org.junit.jupiter.api.Assertions.*;

import com.twilio.exception.ApiException;
import net.trader4.keycloak.otp.channel.DeliveryException;
import org.junit.jupiter.api.Test;

class TwilioErrorMapperTest {

    private static ApiException twilioError(int status, Integer code) {
        return new ApiException("The 'To' number +447888872720 is not a valid phone number.", code,
                "https://www.twilio.com/docs/errors/" + code, status, status, null, null, null);
    }

    private static DeliveryException sms(int status, Integer code) {
        return TwilioErrorMapper.map(twilioError(status, code), TwilioProduct.SMS);
    }

    @Test
    void anInvalidNumberIsRejectedWithAClearMessage() {
        DeliveryException e = sms(400, 21211);

        assertEquals(DESTINATION_REJECTED, e.reason());
        assertEquals("This phone number is not valid. Please check it and try again.", e.getMessage());
        assertNull(e.getCause(), "Twilio's message quotes the number and must not travel on");
    }

    @Test
    void aLandlineAskedForAnSmsIsToldToAskForACall() {
        DeliveryException e = sms(400, 21614);

        assertEquals(DESTINATION_REJECTED, e.reason());
        assertTrue(e.getMessage().contains("cannot receive text messages"), e.getMessage());
    }

    @Test
    void optedOutAndForbiddenCountriesAreRejected() {
        assertEquals(DESTINATION_REJECTED, sms(400, 21610).reason());
        assertTrue(sms(400, 21610).getMessage().contains("STOP"));
        assertEquals(DESTINATION_REJECTED, sms(400, 21408).reason());
        assertTrue(sms(400, 21408).getMessage().contains("country"));
        assertEquals(DESTINATION_REJECTED, TwilioErrorMapper.map(twilioError(400, 21215), TwilioProduct.VOICE).reason());
    }

    @Test
    void anUnknownClientErrorIsStillTheDestinations() {
        DeliveryException e = TwilioErrorMapper.map(twilioError(400, 21999), TwilioProduct.VOICE);

        assertEquals(DESTINATION_REJECTED, e.reason());
        assertTrue(e.getMessage().contains("phone call"), e.getMessage());
    }

    @Test
    void ourOwnSetupProblemsAreUnavailabilityNotTheUsersFault() {
        assertEquals(PROVIDER_UNAVAILABLE, sms(401, 20003).reason());
        assertEquals(PROVIDER_UNAVAILABLE, sms(400, 21606).reason(), "the sender cannot send");
        assertEquals(PROVIDER_UNAVAILABLE, sms(400, 21212).reason(), "invalid From");
        assertEquals(PROVIDER_UNAVAILABLE, sms(404, 20404).reason());
        assertEquals(PROVIDER_UNAVAILABLE, sms(429, 20429).reason());
    }

    @Test
    void serverErrorsAndMissingAnswersAreUnavailability() {
        assertEquals(PROVIDER_UNAVAILABLE, sms(500, 20500).reason());
        assertEquals(PROVIDER_UNAVAILABLE, sms(503, null).reason());
        assertEquals(PROVIDER_UNAVAILABLE,
                TwilioErrorMapper.map(new ApiException("Read timed out"), TwilioProduct.SMS).reason());
    }

    @Test
    void noMessageQuotesTheNumber() {
        for (int code : new int[] {21211, 21614, 21610, 21408, 21999, 20003}) {
            assertFalse(sms(400, code).getMessage().contains("7888872720"), "code " + code);
        }
    }
}
