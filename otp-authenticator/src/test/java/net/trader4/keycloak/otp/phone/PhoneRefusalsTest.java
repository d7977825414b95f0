package net.trader4.keycloak.otp.phone;

import net.trader4.keycloak.otp.authenticator.PageMessage;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneRefusalsTest {

    @Test
    void aWrongCodeSaysHowManyTriesAreLeftAtTheField() {
        PageMessage message = PhoneRefusals.onCodePage(OtpException.wrongCode("x", 3), 6);
        assertEquals("trader4OtpInvalidCode", message.key());
        assertEquals(PhoneRefusals.CODE_FIELD, message.field());
        assertArrayEquals(new Object[] {3}, message.parameters());
    }

    @Test
    void anEarlyResendIsWordedAsTheWait() {
        PageMessage message = PhoneRefusals.onResend(new OtpException(OtpError.RATE_LIMITED, "x", 12), 6);
        assertEquals("trader4OtpResendWait", message.key());
        assertArrayEquals(new Object[] {12L}, message.parameters());
        assertEquals("trader4OtpRateLimited", PhoneRefusals.onCodePage(new OtpException(OtpError.RATE_LIMITED, "x", 12), 6).key(),
                "too many wrong codes from the network is no resend wait");
    }

    @Test
    void sendingRefusalsBelongToTheNumber() {
        assertEquals("trader4PhoneUndeliverable", PhoneRefusals.onNumberPage(new OtpException(OtpError.UNDELIVERABLE, "x")).key());
        assertEquals("trader4PhoneCountryNotAllowed",
                PhoneRefusals.onNumberPage(new OtpException(OtpError.COUNTRY_NOT_ALLOWED, "x")).key());
        assertEquals("trader4PhoneNoChannel", PhoneRefusals.onNumberPage(new OtpException(OtpError.UNSUPPORTED_IDENTIFIER, "x")).key());
        PageMessage unavailable = PhoneRefusals.onNumberPage(new OtpException(OtpError.DELIVERY_UNAVAILABLE, "x"));
        assertEquals("trader4OtpUnavailable", unavailable.key());
        assertNull(unavailable.field());
    }

    @Test
    void usedUpAndExpiredCodesStartAgainFromTheNumber() {
        assertTrue(PhoneRefusals.endsThePendingNumber(OtpError.TOO_MANY_ATTEMPTS));
        assertTrue(PhoneRefusals.endsThePendingNumber(OtpError.EXPIRED_CODE));
        assertFalse(PhoneRefusals.endsThePendingNumber(OtpError.INVALID_CODE));
        assertEquals("trader4PhoneTooManyAttempts", PhoneRefusals.startAgain(OtpError.TOO_MANY_ATTEMPTS).key());
        assertEquals("trader4PhoneExpired", PhoneRefusals.startAgain(OtpError.EXPIRED_CODE).key());
    }
}
