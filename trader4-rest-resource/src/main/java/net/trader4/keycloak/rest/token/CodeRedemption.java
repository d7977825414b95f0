package net.trader4.keycloak.rest.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import net.trader4.keycloak.rest.api.ApiError;
import net.trader4.keycloak.rest.api.RestError;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.utils.OAuth2Code;
import org.keycloak.protocol.oidc.utils.OAuth2CodeParser;
import org.keycloak.protocol.oidc.utils.PkceUtils;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Takes an authorization code that Keycloak's own authorization endpoint issued to the API client
 * inside this server, never over HTTP: a request's {@code Host} can then never choose where the
 * code and its verifier are sent, and there is no answer from elsewhere to trust.
 */
public final class CodeRedemption {

    private final KeycloakSession session;
    private final RealmModel realm;

    public CodeRedemption(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /**
     * The client session the code was issued for, exactly once, if it was issued to this client
     * for this redirect URI under the PKCE challenge of this verifier.
     */
    public Redeemed redeem(String code, ClientModel client, String redirectUri,
                                                  String codeVerifier, EventBuilder event) throws ApiError {
        OAuth2CodeParser.ParseResult parsed = OAuth2CodeParser.parseCode(session, code, realm, event);
        if (parsed.isIllegalCode() || parsed.isExpiredCode() || parsed.getClientSession() == null) {
            throw refused("The sign-in code is unknown, expired or already used. Start again.");
        }
        AuthenticatedClientSessionModel clientSession = parsed.getClientSession();
        OAuth2Code data = parsed.getCodeData();
        UserSessionModel userSession = clientSession.getUserSession();
        if (!client.getId().equals(clientSession.getClient().getId())
                || !redirectUri.equals(data.getRedirectUriParam())
                || !verifierMatches(codeVerifier, data)) {
            throw refused("The sign-in code was not issued for this sign-in. Start again.");
        }
        if (userSession == null || !AuthenticationManager.isSessionValid(realm, userSession)
                || !userSession.getUser().isEnabled()) {
            throw refused("The session of this sign-in has ended. Start again.");
        }
        return new Redeemed(clientSession, data.getScope());
    }

    /** A redeemed code: the client session it was issued for and the scope it was issued in. */
    public record Redeemed(AuthenticatedClientSessionModel clientSession, String scope) {
    }

    private static boolean verifierMatches(String verifier, OAuth2Code data) {
        if (verifier == null || data.getCodeChallenge() == null || !"S256".equals(data.getCodeChallengeMethod())) {
            return false;
        }
        byte[] expected = data.getCodeChallenge().getBytes(StandardCharsets.US_ASCII);
        byte[] actual = PkceUtils.generateS256CodeChallenge(verifier).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    private static ApiError refused(String message) {
        return new ApiError(RestError.INVALID_CODE, message);
    }
}
