package net.trader4.keycloak.otp.channel;

/** A code could not be delivered. The message is safe to show: it holds no code and no secret. */
public class DeliveryException extends Exception {

    /** Why delivery failed, which decides the answer the user gets. */
    public enum Reason {
        /** The destination cannot receive the code (invalid or unreachable); a 4xx. */
        DESTINATION_REJECTED,
        /** The provider is down, slow or misconfigured; a 503, the user may try again. */
        PROVIDER_UNAVAILABLE
    }

    private final Reason reason;

    public DeliveryException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DeliveryException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
