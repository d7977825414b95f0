package net.trader4.keycloak.rest.google;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import net.trader4.keycloak.otp.challenge.CodeGenerator;
import net.trader4.keycloak.rest.api.ApiError;
import org.keycloak.OAuth2Constants;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;
import org.keycloak.protocol.oidc.utils.PkceUtils;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.urls.UrlType;
import org.keycloak.util.JsonSerialization;

/**
 * Google sign-in through Keycloak's own Google identity broker, for API clients: the browser goes
 * through Keycloak's authorization endpoint with {@code kc_idp_hint=google}, PKCE and a state this
 * server keeps; the callback redeems the code at Keycloak's token endpoint and hands the result to
 * the app as a one-time code (never tokens in a URL) or, without an app, as the envelope.
 */
public final class GoogleSignIn {

    public static final String IDP_ALIAS = "google";
    static final int STATE_TTL_SECONDS = 600;
    static final int HANDOFF_TTL_SECONDS = 60;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ClientModel client;

    public GoogleSignIn(KeycloakSession session, RealmModel realm, ClientModel client) {
        this.session = session;
        this.realm = realm;
        this.client = client;
    }

    /** The redirect that starts the sign-in. */
    public Response start(String appRedirect, String appState) throws ApiError {
        requireGoogle();
        String redirect = null;
        if (appRedirect != null && !appRedirect.isBlank()) {
            redirect = RedirectUtils.verifyRedirectUri(session, appRedirect, client);
            if (redirect == null) {
                throw ApiError.invalidRequest("redirect_uri is not registered for client '" + client.getClientId() + "'.");
            }
        }
        if (appState != null && appState.length() > 512) {
            throw ApiError.invalidRequest("state is too long.");
        }
        String verifier = PkceUtils.generateCodeVerifier();
        String state = CodeGenerator.hex(24);
        session.singleUseObjects().put(stateKey(state), STATE_TTL_SECONDS,
                new GoogleSignInState(verifier, redirect, appState).toNotes());
        URI authorization = OIDCLoginProtocolService.authUrl(session.getContext().getUri().getBaseUriBuilder())
                .queryParam(OAuth2Constants.CLIENT_ID, client.getClientId())
                .queryParam(OAuth2Constants.RESPONSE_TYPE, OAuth2Constants.CODE)
                .queryParam(OAuth2Constants.REDIRECT_URI, callbackUri())
                .queryParam(OAuth2Constants.SCOPE, OAuth2Constants.SCOPE_OPENID)
                .queryParam(OAuth2Constants.STATE, state)
                .queryParam(OAuth2Constants.CODE_CHALLENGE, PkceUtils.generateS256CodeChallenge(verifier))
                .queryParam(OAuth2Constants.CODE_CHALLENGE_METHOD, OAuth2Constants.PKCE_METHOD_S256)
                .queryParam("kc_idp_hint", IDP_ALIAS)
                .build(realm.getName());
        return Response.seeOther(authorization).header("Cache-Control", "no-store").build();
    }

    /** Where Keycloak sends the browser back to. The state is taken exactly once. */
    public Outcome callback(String code, String state, String error) throws ApiError {
        GoogleSignInState started = state == null || state.isBlank() ? null
                : GoogleSignInState.fromNotes(session.singleUseObjects().remove(stateKey(state)));
        if (started == null) {
            throw new ApiError(400, "invalid_state", "This sign-in link has expired or was already used. Start again.");
        }
        if (error != null && !error.isBlank()) {
            return new Outcome(started, null, error);
        }
        if (code == null || code.isBlank()) {
            throw ApiError.invalidRequest("The callback has no code.");
        }
        return new Outcome(started, redeem(code, started.codeVerifier()), null);
    }

    /** The user the tokens were issued to. */
    public UserModel userOf(AccessTokenResponse tokens) throws ApiError {
        try {
            AccessToken token = new JWSInput(tokens.getToken()).readJsonContent(AccessToken.class);
            UserModel user = token.getSubject() == null ? null : session.users().getUserById(realm, token.getSubject());
            if (user == null) {
                throw new ApiError(502, "google_failed", "The signed-in account could not be found.");
            }
            return user;
        } catch (JWSInputException e) {
            throw new ApiError(502, "google_failed", "Keycloak answered an unreadable token.");
        }
    }

    /** A finished callback: either tokens or the error the login ended with. */
    public record Outcome(GoogleSignInState started, AccessTokenResponse tokens, String error) {

        public boolean answersInEnvelope() {
            return started.answersInEnvelope();
        }

        public String appRedirect() {
            return started.appRedirect();
        }

        public String appState() {
            return started.appState();
        }
    }

    /** A one-time code the app exchanges for the result with {@code POST /v1/oauth/google/token}. */
    public String handOff(Map<String, Object> results) throws ApiError {
        String handoff = CodeGenerator.hex(24);
        try {
            session.singleUseObjects().put(handoffKey(handoff), HANDOFF_TTL_SECONDS,
                    Map.of("results", JsonSerialization.writeValueAsString(results)));
        } catch (IOException e) {
            throw new ApiError(500, "server_error", "The sign-in result could not be stored.");
        }
        return handoff;
    }

    /** The result for a one-time code, exactly once. */
    public JsonNode redeemHandOff(String handoff) throws ApiError {
        Map<String, String> stored = handoff == null ? null : session.singleUseObjects().remove(handoffKey(handoff));
        if (stored == null || stored.get("results") == null) {
            throw new ApiError(400, "invalid_code", "This code is unknown, expired or already used.");
        }
        try {
            return JsonSerialization.mapper.readTree(stored.get("results"));
        } catch (IOException e) {
            throw new ApiError(400, "invalid_code", "This code is unknown, expired or already used.");
        }
    }

    private AccessTokenResponse redeem(String code, String verifier) throws ApiError {
        // The backchannel URL: the server may reach itself by another name than browsers do.
        String tokenEndpoint = OIDCLoginProtocolService.tokenUrl(session.getContext().getUri(UrlType.BACKEND).getBaseUriBuilder())
                .build(realm.getName()).toString();
        try {
            JsonNode answer = SimpleHttp.create(session).doPost(tokenEndpoint)
                    .param(OAuth2Constants.GRANT_TYPE, OAuth2Constants.AUTHORIZATION_CODE)
                    .param(OAuth2Constants.CODE, code)
                    .param(OAuth2Constants.REDIRECT_URI, callbackUri())
                    .param(OAuth2Constants.CLIENT_ID, client.getClientId())
                    .param(OAuth2Constants.CODE_VERIFIER, verifier)
                    .asJson();
            AccessTokenResponse tokens = JsonSerialization.mapper.treeToValue(answer, AccessTokenResponse.class);
            if (tokens.getToken() == null) {
                throw new ApiError(502, "google_failed", "Keycloak did not issue tokens for this sign-in: "
                        + answer.path("error_description").asText(answer.path("error").asText("unknown error")));
            }
            return tokens;
        } catch (IOException e) {
            throw new ApiError(503, "google_failed", "The sign-in could not be completed. Try again.");
        }
    }

    private void requireGoogle() throws ApiError {
        IdentityProviderModel google = session.identityProviders().getByAlias(IDP_ALIAS);
        if (google == null || !google.isEnabled()) {
            // A realm's choice, not an outage: asking again will not help.
            throw new ApiError(404, "google_not_offered", "This realm does not offer Google sign-in.");
        }
    }

    String callbackUri() {
        return UriBuilder.fromUri(session.getContext().getUri().getBaseUri())
                .path("realms").path(realm.getName()).path("trader4/v1/oauth/google/callback").build().toString();
    }

    private String stateKey(String state) {
        return "t4google:" + realm.getId() + ":" + state;
    }

    private String handoffKey(String handoff) {
        return "t4google-handoff:" + realm.getId() + ":" + handoff;
    }
}
