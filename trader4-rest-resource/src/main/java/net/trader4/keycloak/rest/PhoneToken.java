package net.trader4.keycloak.rest;

import java.util.Locale;
import java.util.Set;

import net.trader4.keycloak.rest.api.ApiError;
import net.trader4.keycloak.rest.api.RestError;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * The phone's access token from {@code Authorization}, with or without {@code Bearer }, checked
 * as Keycloak checks bearer tokens for its own APIs (signature, issuer of this realm, type,
 * expiry, revocation, a live user session and an enabled user), and issued to a client meant to
 * approve: a valid token the user holds for some unrelated client or resource server is refused,
 * so a leaked or third-party token cannot be turned into a new session.
 */
final class PhoneToken {

    private static final String BEARER = "bearer ";

    private PhoneToken() {
    }

    /** @param acceptedClients client ids whose tokens ({@code azp}) are accepted */
    static AuthResult verify(KeycloakSession session, String authorization, Set<String> acceptedClients) throws ApiError {
        String token = authorization == null ? "" : authorization.trim();
        if (token.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            token = token.substring(BEARER.length()).trim();
        }
        if (token.isEmpty()) {
            throw new ApiError(RestError.INVALID_ACCESS_TOKEN, "Send the phone's access token in the Authorization header.");
        }
        AuthResult result = new AppAuthManager.BearerTokenAuthenticator(session).setTokenString(token).authenticate();
        if (result == null) {
            throw new ApiError(RestError.INVALID_ACCESS_TOKEN, "The access token is not valid, has expired or its session has ended.");
        }
        if (!acceptedClients.contains(result.token().getIssuedFor())) {
            throw new ApiError(RestError.TOKEN_NOT_ACCEPTED,
                    "This access token was issued to a client that may not approve QR logins: use a token of the sign-in API.");
        }
        return result;
    }
}
