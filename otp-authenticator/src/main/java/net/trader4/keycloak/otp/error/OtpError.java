package net.trader4.keycloak.otp.error;

import net.trader4.keycloak.common.error.ErrorCode;

/**
 * The stable, machine-readable reasons a sign-in step fails, with the HTTP status the API answers.
 * Clients may branch on {@link #code()}; it never changes meaning.
 */
public enum OtpError implements ErrorCode {
    INVALID_REQUEST("invalid_request", 400),
    INVALID_IDENTIFIER("invalid_identifier", 400),
    UNSUPPORTED_IDENTIFIER("unsupported_identifier", 400),
    INVALID_CODE("invalid_code", 400),
    UNSUPPORTED_SIGNATURE("unsupported_signature", 400),
    EXPIRED_CODE("expired_code", 400),
    TOO_MANY_ATTEMPTS("too_many_attempts", 429),
    RATE_LIMITED("rate_limited", 429),
    COUNTRY_NOT_ALLOWED("country_not_allowed", 403),
    UNDELIVERABLE("undeliverable", 422),
    DELIVERY_UNAVAILABLE("delivery_unavailable", 503),
    ACCOUNT_DISABLED("account_disabled", 403),
    ACCOUNT_NOT_READY("account_not_ready", 403),
    CLIENT_NOT_CONFIGURED("client_not_configured", 503),
    /** Neither Keycloak's hostname nor the realm's Frontend URL is set: what needs the address users sign in at is off. */
    HOSTNAME_NOT_CONFIGURED("hostname_not_configured", 503);

    private final String code;
    private final int status;

    OtpError(String code, int status) {
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
