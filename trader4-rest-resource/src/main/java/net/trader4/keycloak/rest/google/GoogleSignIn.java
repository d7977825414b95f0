package net.trader4.keycloak.rest.google;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import net.trader4.keycloak.common.account.SecondFactor;
import net.trader4.keycloak.common.limit.LimitKeys;
import net.trader4.keycloak.common.limit.RateLimiter;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.rest.api.ApiError;
import net.trader4.keycloak.rest.api.Envelope;
import net.trader4.keycloak.common.origin.PublicBaseUrl;
import net.trader4.keycloak.rest.api.RestError;
import net.trader4.keycloak.rest.api.results.Profile;
import net.trader4.keycloak.rest.token.CodeRedemption;
import net.trader4.keycloak.rest.token.TokenIssuer;
import org.keycloak.OAuth2Constants;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;
import org.keycloak.protocol.oidc.utils.PkceUtils;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.representations.AccessTokenResponse;

/**
 * Google sign-in through Keycloak's own Google identity broker, for API clients: the browser goes
 * through Keycloak's authorization endpoint with {@code kc_idp_hint=google}, PKCE and a state this
 * server keeps; the callback redeems the code inside this server and hands the result to the app
 * as a one-time code (never tokens in a URL; PKCE-bound to the app) or, without an app, as the
 * envelope. The browser comes back to the callback on the API's public base URL when the realm
 * sets one; the authorization endpoint, its login pages and the broker's own endpoint at Google
 * stay Keycloak's.
 */
public final class GoogleSignIn {

    public static final String IDP_ALIAS = "google";
    static final int STATE_TTL_SECONDS = 600;
    static final int HANDOFF_TTL_SECONDS = 60;
    private static final int HOUR_SECONDS = 3600;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ClientModel client;
    private final Optional<PublicBaseUrl> publicBaseUrl;

    public GoogleSignIn(KeycloakSession session, RealmModel realm, ClientModel client, Optional<PublicBaseUrl> publicBaseUrl) {
        this.session = session;
        this.realm = realm;
        this.client = client;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** The redirect that starts the sign-in. */
    public Response start(String appRedirect, String appState, AppChallenge appChallenge) throws ApiError {
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
        if (redirect != null && appChallenge.isEmpty() && !redirect.startsWith("https://")) {
            throw ApiError.invalidRequest("code_challenge (PKCE, S256) is required for a redirect_uri that is not https.");
        }
        String callback = callbackUri();
        requireRegisteredPublicCallback(callback);
        takeStartSlot();
        String verifier = PkceUtils.generateCodeVerifier();
        String state = SecretGenerator.getInstance().randomBytesHex(24);
        session.singleUseObjects().put(stateKey(state), STATE_TTL_SECONDS,
                new GoogleSignInState(verifier, redirect, appState, appChallenge.challenge(), callback).toNotes());
        URI authorization = OIDCLoginProtocolService.authUrl(session.getContext().getUri().getBaseUriBuilder())
                .queryParam(OAuth2Constants.CLIENT_ID, client.getClientId())
                .queryParam(OAuth2Constants.RESPONSE_TYPE, OAuth2Constants.CODE)
                .queryParam(OAuth2Constants.REDIRECT_URI, callback)
                .queryParam(OAuth2Constants.SCOPE, OAuth2Constants.SCOPE_OPENID)
                .queryParam(OAuth2Constants.STATE, state)
                .queryParam(OAuth2Constants.CODE_CHALLENGE, PkceUtils.generateS256CodeChallenge(verifier))
                .queryParam(OAuth2Constants.CODE_CHALLENGE_METHOD, OAuth2Constants.PKCE_METHOD_S256)
                .queryParam("kc_idp_hint", IDP_ALIAS)
                .build(realm.getName());
        return Response.seeOther(authorization).header("Cache-Control", "no-store").build();
    }

    /**
     * A callback on the public base URL is a redirect URI the operator must add to the API client:
     * without it, Keycloak's authorization endpoint would end the sign-in on its own error page.
     */
    private void requireRegisteredPublicCallback(String callback) throws ApiError {
        if (publicBaseUrl.isPresent() && RedirectUtils.verifyRedirectUri(session, callback, client) == null) {
            throw ApiError.from(new OtpException(OtpError.CLIENT_NOT_CONFIGURED, "Google sign-in needs " + callback
                    + " among the valid redirect URIs of client '" + client.getClientId() + "' (the realm's "
                    + PublicBaseUrl.ATTRIBUTE + " puts the callback there)."));
        }
    }

    /** Every start stores a state for minutes: an anonymous caller must not be able to fill the store. */
    private void takeStartSlot() throws ApiError {
        long wait = new RateLimiter(session.singleUseObjects()).acquire(
                LimitKeys.ipBucket(realm.getId(), "google", session.getContext().getConnection().getRemoteAddr()),
                OtpConfig.forRealm(realm).googleStartsPerIpPerHour(), HOUR_SECONDS);
        if (wait > 0) {
            throw new ApiError(RestError.RATE_LIMITED, "Too many Google sign-ins started from your network. Try again later.", wait);
        }
    }

    /**
     * Where Keycloak sends the browser back to. The state is taken exactly once; the code is
     * redeemed inside this server; an account with a second factor gets tokens only from a login
     * that asked for it.
     */
    public Outcome callback(String code, String state, String error) throws ApiError {
        GoogleSignInState started = state == null || state.isBlank() ? null
                : GoogleSignInState.fromNotes(session.singleUseObjects().remove(stateKey(state)));
        if (started == null) {
            throw new ApiError(RestError.INVALID_STATE, "This sign-in link has expired or was already used. Start again.");
        }
        if (error != null && !error.isBlank()) {
            return new Outcome(started, null, null, error);
        }
        if (code == null || code.isBlank()) {
            throw ApiError.invalidRequest("The callback has no code.");
        }
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.CODE_TO_TOKEN).client(client);
        CodeRedemption.Redeemed redeemed;
        try {
            redeemed = new CodeRedemption(session, realm).redeem(code, client, started.callbackOr(callbackUri()),
                    started.codeVerifier(), event);
        } catch (ApiError e) {
            event.error(Errors.INVALID_CODE);
            throw e;
        }
        UserSessionModel userSession = redeemed.clientSession().getUserSession();
        UserModel user = userSession.getUser();
        event.user(user);
        if (SecondFactor.needed(SecondFactor.honouredIn(realm), user) != SecondFactor.Needed.NOTHING
                && !SecondFactor.provenIn(realm, userSession)) {
            session.sessions().removeUserSession(realm, userSession);
            event.detail(Details.REASON, "second_factor_not_asked").error(Errors.INVALID_USER_CREDENTIALS);
            throw new ApiError(RestError.SECOND_FACTOR_NOT_ASKED, "This account has a second factor, which this realm's"
                    + " Google sign-in did not ask for: the Google identity provider needs a post-login flow that asks for it.");
        }
        AccessTokenResponse tokens = new TokenIssuer(session, realm).issue(redeemed.clientSession(), redeemed.scope(), event);
        event.success();
        return new Outcome(started, user, tokens, null);
    }

    /** A finished callback: either tokens or the error the login ended with. */
    public record Outcome(GoogleSignInState started, UserModel user, AccessTokenResponse tokens, String error) {

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
    public String handOff(Outcome outcome, Profile profile) {
        String handoff = SecretGenerator.getInstance().randomBytesHex(24);
        session.singleUseObjects().put(handoffKey(handoff), HANDOFF_TTL_SECONDS,
                Map.of("results", Envelope.write(profile), "challenge", outcome.started().appChallenge()));
        return handoff;
    }

    /**
     * The result for a one-time code, exactly once; a code handed off under a PKCE challenge needs
     * its verifier (a wrong one uses the code up).
     */
    public Object redeemHandOff(String handoff, String codeVerifier) throws ApiError {
        Map<String, String> stored = handoff == null ? null : session.singleUseObjects().remove(handoffKey(handoff));
        if (stored == null || stored.get("results") == null) {
            throw new ApiError(RestError.INVALID_CODE, "This code is unknown, expired or already used.");
        }
        if (!AppChallenge.of(stored.get("challenge")).isMetBy(codeVerifier)) {
            throw new ApiError(RestError.INVALID_CODE, "code_verifier does not match the code_challenge this sign-in started with.");
        }
        try {
            return Envelope.read(stored.get("results"));
        } catch (IllegalArgumentException e) {
            throw new ApiError(RestError.INVALID_CODE, "This code is unknown, expired or already used.");
        }
    }

    private void requireGoogle() throws ApiError {
        IdentityProviderModel google = session.identityProviders().getByAlias(IDP_ALIAS);
        if (google == null || !google.isEnabled()) {
            // A realm's choice, not an outage: asking again will not help.
            throw new ApiError(RestError.GOOGLE_NOT_OFFERED, "This realm does not offer Google sign-in.");
        }
    }

    /** On the API's public base URL when the realm sets one, else under Keycloak's realm resource. */
    String callbackUri() {
        return publicBaseUrl.map(PublicBaseUrl::googleCallback).orElseGet(() -> UriBuilder
                .fromUri(session.getContext().getUri().getBaseUri())
                .path(PublicBaseUrl.keycloakGoogleCallback(realm.getName())).build().toString());
    }

    private String stateKey(String state) {
        return "t4google:" + realm.getId() + ":" + state;
    }

    private String handoffKey(String handoff) {
        return "t4google-handoff:" + realm.getId() + ":" + handoff;
    }
}
