package net.trader4.keycloak.qr.request;

import net.trader4.keycloak.common.error.SignInException;

/** A QR login step refused; the message is written for the person signing in. */
public class QrException extends SignInException {

    private final QrError error;

    public QrException(QrError error, String message) {
        this(error, message, 0);
    }

    public QrException(QrError error, String message, long retryAfterSeconds) {
        super(error, message, retryAfterSeconds);
        this.error = error;
    }

    @Override
    public QrError error() {
        return error;
    }
}
