package net.trader4.keycloak.common.error;

/**
 * A sign-in step refused, whichever capability refused it; the message is written for the person
 * signing in. The API turns every one into its failure envelope the same way.
 */
public class SignInException extends Exception {

    private final ErrorCode error;
    private final long retryAfterSeconds;

    public SignInException(ErrorCode error, String message) {
        this(error, message, 0);
    }

    public SignInException(ErrorCode error, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ErrorCode error() {
        return error;
    }

    /** Seconds after which trying again may succeed; 0 when waiting does not help. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
