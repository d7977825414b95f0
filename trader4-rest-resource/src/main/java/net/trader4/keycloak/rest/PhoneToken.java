package net.trader4.keycloak.rest;

import java.util.Locale;

import net.trader4.keycloak.rest.api.ApiError;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * The phone's access token from {@code Authorization}, with or without {@code Bearer }, checked
 * as Keycloak checks bearer tokens for its own APIs: signature, issuer of this realm, type,
 * expiry, revocation, a live user session and an enabled user.
 */
final class PhoneToken {

    private static final String BEARER = "bearer ";

    private PhoneToken() {
    }

    static AuthResult verify(KeycloakSession session, String authorization) throws ApiError {
        String token = authorization == null ? "" : authorization.trim();
        if (token.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            token = token.substring(BEARER.length()).trim();
        }
        if (token.isEmpty()) {
            throw new ApiError(401, "invalid_access_token", "Send the phone's access token in the Authorization header.");
        }
        AuthResult result = new AppAuthManager.BearerTokenAuthenticator(session).setTokenString(token).authenticate();
        if (result == null) {
            throw new ApiError(401, "invalid_access_token", "The access token is not valid, has expired or its session has ended.");
        }
        return result;
    }
}
