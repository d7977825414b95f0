package net.trader4.keycloak.qr.request;

import net.trader4.keycloak.common.error.ErrorCode;

/**
 * Stable reasons a QR login step does not give tokens, with the HTTP status of the API. The names
 * follow RFC 8628 where it has one ({@code authorization_pending}, {@code access_denied},
 * {@code expired_token}).
 */
public enum QrError implements ErrorCode {
    INVALID_REQUEST("invalid_request", 400),
    AUTHORIZATION_PENDING("authorization_pending", 202),
    ACCESS_DENIED("access_denied", 403),
    EXPIRED_TOKEN("expired_token", 410),
    UNKNOWN_TOKEN("unknown_token", 404),
    ALREADY_CLAIMED("already_claimed", 409),
    ALREADY_DECIDED("already_decided", 409),
    SECRET_REQUIRED("secret_required", 400),
    INVALID_SECRET("invalid_secret", 403),
    INVALID_ACCESS_TOKEN("invalid_access_token", 401),
    RATE_LIMITED("rate_limited", 429),
    /** Too many checks already wait for a phone: check again after the interval, as RFC 8628 §3.5 says. */
    SLOW_DOWN("slow_down", 429),
    /** The approving session did not pass the second factor the account has. */
    SECOND_FACTOR_REQUIRED("second_factor_required", 403),
    /** Neither Keycloak's hostname nor the realm's Frontend URL is set: a QR code would send phones to any Host. */
    HOSTNAME_NOT_CONFIGURED("hostname_not_configured", 503);

    private final String code;
    private final int status;

    QrError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
