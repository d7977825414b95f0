package net.trader4.keycloak.qr.request;

/** A QR login step refused; the message is written for the person signing in. */
public class QrException extends Exception {

    private final QrError error;
    private final long retryAfterSeconds;

    public QrException(QrError error, String message) {
        this(error, message, 0);
    }

    public QrException(QrError error, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public QrError error() {
        return error;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
