package net.trader4.keycloak.otp.error;

import net.trader4.keycloak.common.account.AccountError;
import net.trader4.keycloak.common.error.SignInException;

/** A step of the one-time-code engine refused; the message is written for the person signing in. */
public class OtpException extends SignInException {

    private final int attemptsLeft;
    private String accountId;
    private SendGuard guard;

    public OtpException(OtpError error, String message) {
        this(error, message, 0);
    }

    public OtpException(OtpError error, String message, long retryAfterSeconds) {
        this(error, message, retryAfterSeconds, -1);
    }

    private OtpException(OtpError error, String message, long retryAfterSeconds, int attemptsLeft) {
        super(error, message, retryAfterSeconds);
        this.attemptsLeft = attemptsLeft;
    }

    /** An account the engine proved an identifier for, refused by the account checks all sign-ins share. */
    public static OtpException of(SignInException accountRefusal) {
        OtpError error = accountRefusal.error() == AccountError.ACCOUNT_NOT_READY ? OtpError.ACCOUNT_NOT_READY : OtpError.ACCOUNT_DISABLED;
        return new OtpException(error, accountRefusal.getMessage(), accountRefusal.retryAfterSeconds());
    }

    /** A wrong code, with the tries the pending code has left (pages word the count themselves). */
    public static OtpException wrongCode(String message, int attemptsLeft) {
        return new OtpException(OtpError.INVALID_CODE, message, 0, attemptsLeft);
    }

    /**
     * Names the account a wrong code was meant for, for its failed-login count and Keycloak's
     * event log; never part of what the caller is told.
     */
    public OtpException forAccount(String accountId) {
        this.accountId = accountId;
        return this;
    }

    /** The account the refused code was meant for, or {@code null} when none or not known. */
    public String accountId() {
        return accountId;
    }

    /** Names the limit that refused a send, for metrics and Keycloak's event log; never shown to the caller. */
    public OtpException byGuard(SendGuard guard) {
        this.guard = guard;
        return this;
    }

    /** The limit that refused a send, or {@code null} when this is no such refusal. */
    public SendGuard guard() {
        return guard;
    }

    @Override
    public OtpError error() {
        // The constructors take only a OtpError.
        return (OtpError) super.error();
    }

    /** Tries the pending code has left after a wrong one; -1 when not known. */
    public int attemptsLeft() {
        return attemptsLeft;
    }
}
