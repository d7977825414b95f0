package net.trader4.keycloak.rest.grant;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.common.account.SecondFactor;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.rest.signin.CodeSignIn;
import org.keycloak.OAuthErrorException;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;
import org.keycloak.services.cors.Cors;

/**
 * A refused grant request in OAuth's terms (RFC 6749, section 5.2): the error a client library
 * branches on, a description for people, the HTTP status.
 *
 * @param retryAfterSeconds seconds after which trying again may succeed, sent as {@code Retry-After}; 0 for none
 */
record GrantRefusal(String error, String description, int status, long retryAfterSeconds) {

    static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

    static GrantRefusal invalidRequest(String description) {
        return new GrantRefusal(OAuthErrorException.INVALID_REQUEST, description, 400, 0);
    }

    static GrantRefusal invalidGrant(String description) {
        return new GrantRefusal(OAuthErrorException.INVALID_GRANT, description, 400, 0);
    }

    /**
     * A refusal of the verification service. What is wrong with the code or the account is
     * {@code invalid_grant}; what is wrong with the request's values, {@code invalid_request}. A cap
     * on wrong codes keeps its {@code 429} and {@code Retry-After}, a channel that cannot check codes
     * right now its {@code 503}: waiting helps there, and a client should know it.
     */
    static GrantRefusal of(OtpException e) {
        String description = e.getMessage();
        return switch (e.error()) {
            case INVALID_CODE, UNSUPPORTED_SIGNATURE, EXPIRED_CODE, TOO_MANY_ATTEMPTS, ACCOUNT_DISABLED, ACCOUNT_NOT_READY ->
                    invalidGrant(description);
            case RATE_LIMITED -> new GrantRefusal(OAuthErrorException.INVALID_GRANT, description, 429, e.retryAfterSeconds());
            case DELIVERY_UNAVAILABLE -> new GrantRefusal(TEMPORARILY_UNAVAILABLE, description, 503, 0);
            case INVALID_REQUEST, INVALID_IDENTIFIER, UNSUPPORTED_IDENTIFIER, COUNTRY_NOT_ALLOWED, UNDELIVERABLE,
                 CLIENT_NOT_CONFIGURED, HOSTNAME_NOT_CONFIGURED -> invalidRequest(description);
        };
    }

    /** The code was right, but the account has a second factor this grant cannot ask for. */
    static GrantRefusal secondFactor(SecondFactor.Needed needed) {
        return invalidGrant(needed == SecondFactor.Needed.BROWSER
                ? CodeSignIn.SECURITY_KEY_NEEDS_BROWSER
                : "This account also has an authenticator app, which this grant cannot ask for: sign in through the login page.");
    }

    Response response(Cors cors) {
        Response.ResponseBuilder answer = Response.status(status)
                .entity(new OAuth2ErrorRepresentation(error, description))
                .type(MediaType.APPLICATION_JSON_TYPE);
        if (retryAfterSeconds > 0) {
            answer.header("Retry-After", Long.toString(retryAfterSeconds));
        }
        return cors.add(answer);
    }
}
