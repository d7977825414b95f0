package net.trader4.keycloak.rest.api;

import net.trader4.keycloak.common.error.ErrorCode;
import net.trader4.keycloak.common.error.SignInException;

/**
 * A refused request: HTTP status, stable error code and a message for people. Thrown anywhere in
 * the API and turned into the failure envelope in one place.
 */
public class ApiError extends Exception {

    private final int status;
    private final String code;
    private final long retryAfterSeconds;

    public ApiError(ErrorCode error, String message) {
        this(error, message, 0);
    }

    public ApiError(ErrorCode error, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = error.status();
        this.code = error.code();
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiError from(SignInException e) {
        return new ApiError(e.error(), e.getMessage(), e.retryAfterSeconds());
    }

    public static ApiError invalidRequest(String message) {
        return new ApiError(RestError.INVALID_REQUEST, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
