package net.trader4.keycloak.otp.authenticator;

import org.keycloak.common.util.Time;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Per-login state in the authentication session: which identifier a code was sent to, by which
 * channel, and when the next one may be asked for; for a wallet, the message to sign (public
 * text, shown on the page again after a wrong signature). Codes themselves stay in the OTP
 * engine, never here.
 */
final class OtpLoginNotes {

    static final String IDENTIFIER = "trader4.otp.identifier";
    static final String RESEND_AT = "trader4.otp.resendAt";
    static final String CHANNEL = "trader4.otp.channel";
    static final String REQUESTED_CHANNEL = "trader4.otp.requestedChannel";
    static final String WALLET_MESSAGE = "trader4.otp.walletMessage";

    private final AuthenticationSessionModel authSession;

    OtpLoginNotes(AuthenticationSessionModel authSession) {
        this.authSession = authSession;
    }

    /** The normalised identifier a code went to, {@code null} while on the identifier page. */
    String identifier() {
        return authSession.getAuthNote(IDENTIFIER);
    }

    void codeSent(String normalisedIdentifier, long resendAfterSeconds) {
        authSession.setAuthNote(IDENTIFIER, normalisedIdentifier);
        resendAllowedIn(resendAfterSeconds);
    }

    /** The channel the last code went by ({@code email}, {@code sms}, {@code voice}, ...). */
    String channel() {
        return authSession.getAuthNote(CHANNEL);
    }

    void sentBy(String channel) {
        set(CHANNEL, channel);
    }

    /** The channel the user asked for instead of the realm's choice, {@code null} for none. */
    String requestedChannel() {
        return authSession.getAuthNote(REQUESTED_CHANNEL);
    }

    void requestChannel(String channel) {
        set(REQUESTED_CHANNEL, channel);
    }

    /** The message the wallet is to sign, {@code null} for codes. */
    String walletMessage() {
        return authSession.getAuthNote(WALLET_MESSAGE);
    }

    void walletMessage(String message) {
        set(WALLET_MESSAGE, message);
    }

    /**
     * In milliseconds: the server's cooldown started a moment before now, so a countdown in whole
     * seconds from a truncated "now" could let the button free up to a second before the server does.
     */
    void resendAllowedIn(long seconds) {
        authSession.setAuthNote(RESEND_AT, Long.toString(Time.currentTimeMillis() + seconds * 1000));
    }

    /** Whole seconds (rounded up) until another code may be requested; 0 when it may be now. */
    long resendWait() {
        String at = authSession.getAuthNote(RESEND_AT);
        if (at == null) {
            return 0;
        }
        try {
            long millis = Long.parseLong(at) - Time.currentTimeMillis();
            return millis <= 0 ? 0 : (millis + 999) / 1000;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    void clear() {
        for (String note : new String[] {IDENTIFIER, RESEND_AT, CHANNEL, REQUESTED_CHANNEL, WALLET_MESSAGE}) {
            authSession.removeAuthNote(note);
        }
    }

    private void set(String note, String value) {
        if (value == null) {
            authSession.removeAuthNote(note);
        } else {
            authSession.setAuthNote(note, value);
        }
    }
}
