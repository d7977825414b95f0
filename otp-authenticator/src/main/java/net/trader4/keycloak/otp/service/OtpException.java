package net.trader4.keycloak.otp.service;

/** A sign-in step refused; the message is written for the person signing in. */
public class OtpException extends Exception {

    private final OtpError error;
    private final long retryAfterSeconds;

    public OtpException(OtpError error, String message) {
        this(error, message, 0);
    }

    public OtpException(OtpError error, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public OtpError error() {
        return error;
    }

    /** Seconds after which trying again may succeed; 0 when waiting does not help. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
