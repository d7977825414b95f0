package net.trader4.keycloak.otp.authenticator;

import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import org.keycloak.services.messages.Messages;

/**
 * Words a refusal of the OTP engine for the login pages. The engine's own English texts are for
 * the API; pages use message keys so that they are translated.
 */
final class RefusalMessages {

    static final String IDENTIFIER_FIELD = "identifier";
    static final String CODE_FIELD = "code";
    static final String SIGNATURE_FIELD = "signature";

    private RefusalMessages() {
    }

    /** A refusal on the identifier page (sending a code). */
    static PageMessage onIdentifierPage(OtpException refusal) {
        return switch (refusal.error()) {
            case INVALID_IDENTIFIER, INVALID_REQUEST -> new PageMessage("trader4OtpInvalidIdentifier", IDENTIFIER_FIELD);
            case UNSUPPORTED_IDENTIFIER -> new PageMessage("trader4OtpUnsupportedIdentifier", IDENTIFIER_FIELD);
            case RATE_LIMITED -> new PageMessage("trader4OtpRateLimited", null, waitOf(refusal));
            case UNDELIVERABLE -> new PageMessage("trader4OtpUndeliverable", IDENTIFIER_FIELD);
            default -> new PageMessage("trader4OtpUnavailable", null);
        };
    }

    /** A refusal on the code page (checking a code, or sending a new one). */
    static PageMessage onCodePage(OtpException refusal, int codeLength) {
        return switch (refusal.error()) {
            case INVALID_REQUEST -> new PageMessage("trader4OtpCodeFormat", CODE_FIELD, codeLength);
            case INVALID_CODE -> refusal.attemptsLeft() > 0
                    ? new PageMessage("trader4OtpInvalidCode", CODE_FIELD, refusal.attemptsLeft())
                    : new PageMessage("trader4OtpInvalidCodeNoCount", CODE_FIELD);
            case EXPIRED_CODE -> new PageMessage("trader4OtpExpiredCode", null);
            case TOO_MANY_ATTEMPTS -> new PageMessage("trader4OtpTooManyAttempts", null);
            case RATE_LIMITED -> new PageMessage("trader4OtpRateLimited", null, waitOf(refusal));
            case UNDELIVERABLE -> new PageMessage("trader4OtpUndeliverable", null);
            case ACCOUNT_DISABLED -> new PageMessage(Messages.ACCOUNT_DISABLED, null);
            default -> new PageMessage("trader4OtpUnavailable", null);
        };
    }

    /** A refusal on the wallet page (checking a signature). */
    static PageMessage onWalletPage(OtpException refusal) {
        return switch (refusal.error()) {
            case INVALID_REQUEST -> new PageMessage("trader4WalletSignatureFormat", SIGNATURE_FIELD);
            // Without a count it is a valid signature for an address no account holds: only its key's holder sees this.
            case INVALID_CODE -> refusal.attemptsLeft() > 0
                    ? new PageMessage("trader4WalletInvalidSignature", SIGNATURE_FIELD, refusal.attemptsLeft())
                    : new PageMessage("trader4WalletNoAccount", SIGNATURE_FIELD);
            case UNSUPPORTED_SIGNATURE -> new PageMessage("trader4WalletUnsupportedSignature", SIGNATURE_FIELD);
            case EXPIRED_CODE -> new PageMessage("trader4WalletExpiredMessage", null);
            case TOO_MANY_ATTEMPTS -> new PageMessage("trader4WalletTooManyAttempts", null);
            default -> onCodePage(refusal, 0);
        };
    }

    /** A refusal of a new code on the code page: mostly the cooldown, worded as the wait it is. */
    static PageMessage onResend(OtpException refusal, int codeLength) {
        if (refusal.error() == OtpError.RATE_LIMITED) {
            return new PageMessage("trader4OtpResendWait", null, waitOf(refusal));
        }
        return onCodePage(refusal, codeLength);
    }

    /** Whether the refusal was a guess at the code: those count for brute-force detection. */
    static boolean isWrongGuess(OtpError error) {
        return error == OtpError.INVALID_CODE || error == OtpError.TOO_MANY_ATTEMPTS;
    }

    private static long waitOf(OtpException refusal) {
        return Math.max(1, refusal.retryAfterSeconds());
    }
}
