package net.trader4.keycloak.otp.authenticator;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Per-login state in the authentication session: which identifier a code was sent to and when the
 * next one may be asked for. Codes themselves stay in the OTP engine, never here.
 */
final class OtpLoginNotes {

    static final String IDENTIFIER = "trader4.otp.identifier";
    static final String RESEND_AT = "trader4.otp.resendAt";

    private final AuthenticationSessionModel authSession;

    OtpLoginNotes(AuthenticationSessionModel authSession) {
        this.authSession = authSession;
    }

    /** The normalised identifier a code went to, {@code null} while on the identifier page. */
    String identifier() {
        return authSession.getAuthNote(IDENTIFIER);
    }

    void codeSent(String normalisedIdentifier, long resendAtEpochSeconds) {
        authSession.setAuthNote(IDENTIFIER, normalisedIdentifier);
        resendAllowedAt(resendAtEpochSeconds);
    }

    void resendAllowedAt(long epochSeconds) {
        authSession.setAuthNote(RESEND_AT, Long.toString(epochSeconds));
    }

    /** Seconds until another code may be requested; 0 when it may be now. */
    long resendWait(long nowEpochSeconds) {
        String at = authSession.getAuthNote(RESEND_AT);
        if (at == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(at) - nowEpochSeconds);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    void clear() {
        authSession.removeAuthNote(IDENTIFIER);
        authSession.removeAuthNote(RESEND_AT);
    }
}
