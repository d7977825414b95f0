package net.trader4.keycloak.otp.phone;

import net.trader4.keycloak.otp.authenticator.PageMessage;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;

/** Words a refusal of the OTP engine for the pages of the action, as message keys so they are translated. */
final class PhoneRefusals {

    static final String NUMBER_FIELD = "phoneNumber";
    static final String CODE_FIELD = "code";

    private PhoneRefusals() {
    }

    /** A refusal to send a code to the number typed. */
    static PageMessage onNumberPage(OtpException refusal) {
        return switch (refusal.error()) {
            case INVALID_IDENTIFIER, INVALID_REQUEST -> new PageMessage(PhoneNumberInput.INVALID, NUMBER_FIELD);
            case UNSUPPORTED_IDENTIFIER -> new PageMessage("trader4PhoneNoChannel", NUMBER_FIELD);
            case COUNTRY_NOT_ALLOWED -> new PageMessage("trader4PhoneCountryNotAllowed", NUMBER_FIELD);
            case UNDELIVERABLE -> new PageMessage("trader4PhoneUndeliverable", NUMBER_FIELD);
            case RATE_LIMITED -> new PageMessage("trader4OtpRateLimited", null, waitOf(refusal));
            default -> new PageMessage("trader4OtpUnavailable", null);
        };
    }

    /** A refusal of a code on the code page. */
    static PageMessage onCodePage(OtpException refusal, int codeLength) {
        return switch (refusal.error()) {
            case INVALID_REQUEST -> new PageMessage("trader4OtpCodeFormat", CODE_FIELD, codeLength);
            case INVALID_CODE -> new PageMessage("trader4OtpInvalidCode", CODE_FIELD, Math.max(1, refusal.attemptsLeft()));
            case RATE_LIMITED -> new PageMessage("trader4OtpRateLimited", null, waitOf(refusal));
            case UNDELIVERABLE -> new PageMessage("trader4PhoneUndeliverable", null);
            default -> new PageMessage("trader4OtpUnavailable", null);
        };
    }

    /** A refusal of a new code on the code page: mostly the cooldown, worded as the wait it is. */
    static PageMessage onResend(OtpException refusal, int codeLength) {
        return refusal.error() == OtpError.RATE_LIMITED
                ? new PageMessage("trader4OtpResendWait", null, waitOf(refusal))
                : onCodePage(refusal, codeLength);
    }

    /** Whether the refusal ends the pending number: the user starts again from the number page. */
    static boolean endsThePendingNumber(OtpError error) {
        return error == OtpError.TOO_MANY_ATTEMPTS || error == OtpError.EXPIRED_CODE;
    }

    /** The number page's message after a refusal that ended the pending number. */
    static PageMessage startAgain(OtpError error) {
        return new PageMessage(error == OtpError.TOO_MANY_ATTEMPTS ? "trader4PhoneTooManyAttempts" : "trader4PhoneExpired", null);
    }

    private static long waitOf(OtpException refusal) {
        return Math.max(1, refusal.retryAfterSeconds());
    }
}
