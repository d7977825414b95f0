package net.trader4.keycloak.rest.api;

import net.trader4.keycloak.common.error.ErrorCode;

/**
 * The refusals only the HTTP API makes (the request itself, the second step, Google, the phone's
 * token), with their HTTP status. One code may answer with a different status where it means
 * something different there: {@code second_factor_required} is a next step on {@code /verify}
 * (401) but a dead end after Google (403).
 */
public enum RestError implements ErrorCode {
    INVALID_REQUEST("invalid_request", 400),
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    PAYLOAD_TOO_LARGE("payload_too_large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    SERVER_ERROR("server_error", 500),
    /** The code was right; the account's authenticator app comes next ({@code results.mfa_token}). */
    SECOND_FACTOR_REQUIRED("second_factor_required", 401),
    /** Google signed the user in, but the realm's Google login never asked for the account's second factor. */
    SECOND_FACTOR_NOT_ASKED("second_factor_required", 403),
    BROWSER_LOGIN_REQUIRED("browser_login_required", 403),
    INVALID_CODE("invalid_code", 400),
    INVALID_STATE("invalid_state", 400),
    LOGIN_CANCELLED("login_cancelled", 401),
    GOOGLE_NOT_OFFERED("google_not_offered", 404),
    RATE_LIMITED("rate_limited", 429),
    INVALID_ACCESS_TOKEN("invalid_access_token", 401),
    TOKEN_NOT_ACCEPTED("token_not_accepted", 403);

    private final String code;
    private final int status;

    RestError(String code, int status) {
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
