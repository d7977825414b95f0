package net.trader4.keycloak.qr.request;

import net.trader4.keycloak.common.error.SignInException;

/** A QR login step refused; the message is written for the person signing in. */
public class QrException extends SignInException {

    public QrException(QrError error, String message) {
        this(error, message, 0);
    }

    public QrException(QrError error, String message, long retryAfterSeconds) {
        super(error, message, retryAfterSeconds);
    }

    @Override
    public QrError error() {
        // The constructors take only a QrError.
        return (QrError) super.error();
    }
}
