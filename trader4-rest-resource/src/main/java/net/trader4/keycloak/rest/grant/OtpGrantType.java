package net.trader4.keycloak.rest.grant;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.common.account.SecondFactor;
import net.trader4.keycloak.common.error.SignInException;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.service.OtpEvents;
import net.trader4.keycloak.otp.service.VerifiedSignIn;
import net.trader4.keycloak.rest.api.ProfileView;
import net.trader4.keycloak.rest.signin.CodeSignIn;
import net.trader4.keycloak.rest.token.TokenIssuer;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeBase;
import org.keycloak.services.CorsErrorResponseException;

/**
 * {@code grant_type=urn:trader4:params:oauth:grant-type:otp} at Keycloak's token endpoint: the
 * identifier ({@code id}) and the code {@code POST /v1/oauth/sign} sent to it ({@code code}; for a
 * wallet, the signature of the message it answered) for the calling client's own tokens. The
 * endpoint has authenticated the client and checked a DPoP proof; this grant asks whether the
 * client may use it, checks the code with the verification service {@code /verify} uses (attempt
 * caps, wrong codes counted for brute-force detection, account checks, the second-factor rule), and
 * builds the answer as the password grant does: a new user session of the client, its scopes,
 * protocol mappers and token settings.
 *
 * <p>Refusals that follow a check of the code are answered, not thrown: Keycloak rolls back the
 * request's transaction on an exception, and the attempt taken must stay taken.
 */
public class OtpGrantType extends OAuth2GrantTypeBase {

    static final String ID = "id";
    static final String CODE = "code";

    @Override
    public Response process(Context context) {
        setContext(context);
        event.detail(Details.AUTH_METHOD, "oauth_credentials").detail(Details.AUTH_TYPE, OtpEvents.AUTH_TYPE);

        if (!OtpGrantClients.allows(client)) {
            event.detail(Details.REASON, "grant not enabled for the client").error(Errors.NOT_ALLOWED);
            throw new CorsErrorResponseException(cors, OAuthErrorException.UNAUTHORIZED_CLIENT,
                    "This client may not use the one-time code grant: its attribute " + OtpGrantClients.ENABLED_ATTRIBUTE
                            + " is not true.", Response.Status.BAD_REQUEST);
        }
        if (client.isConsentRequired()) {
            // No screen here could ask for it.
            event.detail(Details.REASON, "client requires consent").error(Errors.CONSENT_DENIED);
            throw new CorsErrorResponseException(cors, OAuthErrorException.INVALID_CLIENT,
                    "This client requires user consent, which a token request cannot ask for.", Response.Status.BAD_REQUEST);
        }
        String id = required(ID);
        String code = required(CODE);
        String scope = getRequestedScopes();

        CodeSignIn codes = new CodeSignIn(session, realm, client);
        VerifiedSignIn signIn;
        try {
            Identifier identifier = codes.identify(id);
            signIn = codes.verify(identifier, code, clientConnection.getRemoteAddr(), event);
        } catch (OtpException e) {
            if (!CodeSignIn.isWrongCode(e)) {
                event.detail(Details.REASON, e.getMessage()).error(e.error().code());
            }
            return GrantRefusal.of(e).response(cors);
        }

        UserModel user = signIn.user();
        CodeSignIn.recordSignIn(event, signIn);
        SecondFactor.Needed secondFactor = codes.secondFactorNeeded(user);
        if (secondFactor != SecondFactor.Needed.NOTHING) {
            event.detail(Details.REASON, "second factor enrolled").error("second_factor_required");
            return GrantRefusal.secondFactor(secondFactor).response(cors);
        }

        ClientSessionContext clientSessionContext;
        try {
            clientSessionContext = new TokenIssuer(session, realm).newSession(client, user, scope,
                    clientConnection.getRemoteAddr(), event, Map.of());
        } catch (SignInException notReady) {
            event.detail(Details.REASON, notReady.getMessage()).error(Errors.RESOLVE_REQUIRED_ACTIONS);
            return GrantRefusal.invalidGrant(notReady.getMessage()).response(cors);
        }
        UserSessionModel userSession = clientSessionContext.getClientSession().getUserSession();
        updateUserSessionFromClientAuth(userSession);
        ProfileView.recordConnection(user);
        return createTokenResponse(user, userSession, clientSessionContext, clientSessionContext.getScopeString(), false, null);
    }

    /** A form parameter the grant cannot do without; refused before anything is checked or counted. */
    private String required(String name) {
        String value = formParams.getFirst(name);
        if (value == null || value.isBlank()) {
            event.detail(Details.REASON, "missing parameter " + name).error(Errors.INVALID_REQUEST);
            throw new CorsErrorResponseException(cors, OAuthErrorException.INVALID_REQUEST, "Missing parameter: " + name,
                    Response.Status.BAD_REQUEST);
        }
        return value;
    }

    @Override
    public EventType getEventType() {
        return EventType.OAUTH2_EXTENSION_GRANT;
    }

    /** Sized as the token request's own parameters (wallet signatures run to a few kilobytes); Keycloak 26.7 asks. */
    @Override
    public Set<String> getTokenParameterNames() {
        return Set.of(ID, CODE);
    }
}
