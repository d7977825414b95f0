package net.trader4.keycloak.rest.token;

import java.util.Map;

import net.trader4.keycloak.common.account.AccountChecks;
import net.trader4.keycloak.common.error.SignInException;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import org.keycloak.OAuth2Constants;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.managers.UserSessionManager;
import org.keycloak.services.util.DefaultClientSessionContext;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;
import org.keycloak.util.TokenUtil;

/**
 * Mints real Keycloak tokens for an account that proved itself outside the token endpoint: a new
 * user session for the API client, exactly as Keycloak's own grants build one, so the tokens work
 * at userinfo, introspection and refresh like any others.
 */
public final class TokenIssuer {

    private final KeycloakSession session;
    private final RealmModel realm;

    public TokenIssuer(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The enabled API client tokens are issued to; refuses clients these tokens would not suit. */
    public ClientModel apiClient(String clientId) throws OtpException {
        ClientModel client = realm.getClientByClientId(clientId);
        if (client == null || !client.isEnabled()) {
            throw new OtpException(OtpError.CLIENT_NOT_CONFIGURED,
                    "The sign-in API is not configured: client '" + clientId + "' does not exist or is disabled.");
        }
        if (client.isBearerOnly() || !OIDCLoginProtocol.LOGIN_PROTOCOL.equals(client.getProtocol())) {
            throw new OtpException(OtpError.CLIENT_NOT_CONFIGURED,
                    "The sign-in API is not configured: client '" + clientId + "' is not an OpenID Connect client that can receive tokens.");
        }
        if (client.isConsentRequired()) {
            throw new OtpException(OtpError.CLIENT_NOT_CONFIGURED,
                    "The sign-in API is not configured: client '" + clientId + "' requires consent, which this API cannot ask for.");
        }
        if (OIDCAdvancedConfigWrapper.fromClientModel(client).isUseDPoP()) {
            // These tokens would not be bound to a DPoP key, which the client has promised they are.
            throw new OtpException(OtpError.CLIENT_NOT_CONFIGURED,
                    "The sign-in API is not configured: client '" + clientId + "' requires DPoP-bound tokens.");
        }
        return client;
    }

    /**
     * Creates the user session and the tokens. The caller records the event as successful only
     * after this returns, so a failure here never shows up as a login.
     */
    public AccessTokenResponse issue(ClientModel client, UserModel user, String ipAddress, EventBuilder event)
            throws SignInException {
        return issue(client, user, ipAddress, event, Map.of());
    }

    /** As {@link #issue(ClientModel, UserModel, String, EventBuilder)}, with notes on the new user session. */
    public AccessTokenResponse issue(ClientModel client, UserModel user, String ipAddress, EventBuilder event,
                                     Map<String, String> userSessionNotes) throws SignInException {
        ClientSessionContext clientSessionContext = newSession(client, user, OAuth2Constants.SCOPE_OPENID, ipAddress, event,
                userSessionNotes);
        return tokens(client, clientSessionContext.getClientSession().getUserSession(), clientSessionContext, event);
    }

    /**
     * A new user session of {@code client} for an account that proved itself, as Keycloak's own
     * grants make one, and its client session in {@code scope} ({@code null}: the client's default
     * scopes). Refuses an account with a required action pending, which no token request can run.
     */
    public ClientSessionContext newSession(ClientModel client, UserModel user, String scope, String ipAddress, EventBuilder event,
                                           Map<String, String> userSessionNotes) throws SignInException {
        session.getContext().setClient(client);

        RootAuthenticationSessionModel root = new AuthenticationSessionManager(session).createAuthenticationSession(realm, false);
        AuthenticationSessionModel authSession = root.createAuthenticationSession(client);
        authSession.setAuthenticatedUser(user);
        authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        authSession.setAction(AuthenticatedClientSessionModel.Action.AUTHENTICATE.name());
        authSession.setClientNote(OIDCLoginProtocol.ISSUER, Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, scope);
        AuthenticationManager.setClientScopesInSession(session, authSession);
        if (actionPending(authSession, user)) {
            session.authenticationSessions().removeRootAuthenticationSession(realm, root);
            throw AccountChecks.notReady();
        }

        UserSessionModel userSession = new UserSessionManager(session).createUserSession(root.getId(), realm, user,
                user.getUsername(), ipAddress, OIDCLoginProtocol.LOGIN_PROTOCOL, false, null, null,
                UserSessionModel.SessionPersistenceState.PERSISTENT);
        userSessionNotes.forEach(userSession::setNote);
        event.session(userSession);

        return TokenManager.attachAuthenticationSession(session, userSession, authSession);
    }

    /**
     * A required action stored on the user or raised by one of Keycloak's triggers at login (verify
     * email, verify profile, an expired password): this login cannot run it, so, like the password
     * grant, it gives no tokens. A trigger may store its action on the user, as at any login.
     */
    private boolean actionPending(AuthenticationSessionModel authSession, UserModel user) {
        AuthenticationManager.evaluateRequiredActionTriggers(session, authSession, session.getContext().getHttpRequest(),
                new EventBuilder(realm, session, session.getContext().getConnection()), realm, user);
        return !authSession.getRequiredActions().isEmpty() || user.getRequiredActionsStream().findAny().isPresent();
    }

    /**
     * Tokens for a client session that Keycloak's own authorization endpoint created, in the scope
     * the authorization request asked for.
     */
    public AccessTokenResponse issue(AuthenticatedClientSessionModel clientSession, String scope, EventBuilder event) {
        ClientModel client = clientSession.getClient();
        session.getContext().setClient(client);
        UserSessionModel userSession = clientSession.getUserSession();
        event.session(userSession);
        ClientSessionContext clientSessionContext = DefaultClientSessionContext.fromClientSessionAndScopeParameter(clientSession, scope, session);
        return tokens(client, userSession, clientSessionContext, event);
    }

    private AccessTokenResponse tokens(ClientModel client, UserSessionModel userSession,
                                       ClientSessionContext clientSessionContext, EventBuilder event) {
        TokenManager.AccessTokenResponseBuilder tokens = new TokenManager()
                .responseBuilder(realm, client, event, session, userSession, clientSessionContext)
                .generateAccessToken();
        if (OIDCAdvancedConfigWrapper.fromClientModel(client).isUseRefreshToken()) {
            tokens.generateRefreshToken();
        }
        if (TokenUtil.isOIDCRequest(clientSessionContext.getScopeString())) {
            tokens.generateIDToken().generateAccessTokenHash();
        }
        AccessTokenResponse response = tokens.build();
        event.detail(Details.CODE_ID, userSession.getId());
        return response;
    }
}
