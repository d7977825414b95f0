package net.trader4.keycloak.otp.service;

/** A sign-in step refused; the message is written for the person signing in. */
public class OtpException extends Exception {

    private final OtpError error;
    private final long retryAfterSeconds;
    private final int attemptsLeft;
    private String accountId;

    public OtpException(OtpError error, String message) {
        this(error, message, 0);
    }

    public OtpException(OtpError error, String message, long retryAfterSeconds) {
        this(error, message, retryAfterSeconds, -1);
    }

    private OtpException(OtpError error, String message, long retryAfterSeconds, int attemptsLeft) {
        super(message, null, false, false);
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
        this.attemptsLeft = attemptsLeft;
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

    public OtpError error() {
        return error;
    }

    /** Seconds after which trying again may succeed; 0 when waiting does not help. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Tries the pending code has left after a wrong one; -1 when not known. */
    public int attemptsLeft() {
        return attemptsLeft;
    }
}
