package net.trader4.keycloak.rest;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import net.trader4.keycloak.common.account.SecondFactor;
import net.trader4.keycloak.common.error.SignInException;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.service.OtpService;
import net.trader4.keycloak.otp.service.SecondFactorStep;
import net.trader4.keycloak.otp.service.SecondFactorTickets;
import net.trader4.keycloak.otp.service.SignResult;
import net.trader4.keycloak.otp.service.VerifiedSignIn;
import net.trader4.keycloak.qr.authenticator.QrLoginStatusEndpoint;
import net.trader4.keycloak.rest.api.ApiError;
import net.trader4.keycloak.rest.api.ApiTimes;
import net.trader4.keycloak.rest.api.Envelope;
import net.trader4.keycloak.rest.api.ProfileView;
import net.trader4.keycloak.rest.api.RequestFields;
import net.trader4.keycloak.rest.google.AppChallenge;
import net.trader4.keycloak.rest.google.GoogleSignIn;
import net.trader4.keycloak.rest.token.TokenIssuer;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.util.JsonSerialization;

/**
 * The {@code /v1/oauth} API of the published contract, under
 * {@code /realms/{realm}/trader4/}. Every answer is the envelope; every refusal a 4xx with a
 * stable error code.
 */
@Produces(MediaType.APPLICATION_JSON)
public class OAuthResource {

    /** Realm attribute naming the client tokens are issued to. */
    public static final String API_CLIENT_ATTRIBUTE = "trader4.api.clientId";
    public static final String DEFAULT_API_CLIENT = "trader4-api";
    static final String AUTH_TYPE = "trader4-otp";
    /** The API's paths, longest first: the first alternative that matches is taken. */
    private static final String ANY_OTHER_METHOD =
            "v1/oauth/{endpoint: verify/second-factor|verify|sign|google/callback|google/token|google}";

    private static final Logger LOG = Logger.getLogger(OAuthResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    public OAuthResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @POST
    @Path("v1/oauth/sign")
    public Response sign(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return answer(() -> {
            RequestFields fields = RequestFields.read(contentType, body, formFields());
            OtpService otp = otp();
            Identifier identifier = identify(otp, fields.required("id"));
            SignResult sent = otp.sign(identifier, fields.optional("channel"), clientIp());
            if (sent.walletMessage() != null) {
                Map<String, Object> challenge = new LinkedHashMap<>();
                challenge.put("message", sent.walletMessage());
                challenge.put("expired_at", ApiTimes.ofEpochSeconds(sent.expiresAt()));
                return Envelope.ok("Response successfully returned", challenge);
            }
            return Envelope.ok("Response successfully returned");
        });
    }

    @POST
    @Path("v1/oauth/verify")
    public Response verify(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return answer(() -> {
            RequestFields fields = RequestFields.read(contentType, body, formFields());
            OtpService otp = otp();
            Identifier identifier = identify(otp, fields.required("id"));
            String code = fields.required("code");
            TokenIssuer issuer = new TokenIssuer(session, realm);
            ClientModel client = signInCall(() -> issuer.apiClient(apiClientId()));
            EventBuilder event = loginEvent(client).detail("identifier_type", identifier.type().name().toLowerCase());
            VerifiedSignIn signIn;
            try {
                signIn = otp.verify(identifier, code, clientIp());
            } catch (OtpException e) {
                throw refusedCode(event, e, identifier.type() != IdentifierType.WALLET);
            }
            switch (SecondFactor.needed(otp.config().honourSecondFactor(), signIn.user())) {
                case BROWSER -> throw new ApiError(403, "browser_login_required",
                        "This account's second factor is a security key, which only a browser can use: sign in through the login page.");
                case APP_CODE -> {
                    String token = new SecondFactorStep(session, realm, otp.config()).begin(signIn.user(), client.getClientId());
                    Map<String, Object> step = new LinkedHashMap<>();
                    step.put("mfa_token", token);
                    step.put("expires_in", SecondFactorTickets.TTL_SECONDS);
                    step.put("methods", List.of("otp"));
                    return Envelope.failure(new ApiError(401, "second_factor_required",
                            "Enter the code of your authenticator app: POST it with mfa_token to verify/second-factor."), step);
                }
                default -> {
                }
            }
            event.user(signIn.user()).detail(Details.USERNAME, signIn.user().getUsername());
            if (signIn.registered()) {
                event.detail(Details.REGISTER_METHOD, AUTH_TYPE);
            }
            return signedIn(issuer, client, signIn.user(), event, Map.of());
        });
    }

    /** Completes a sign-in by code for an account with an authenticator app: the app's code and mfa_token. */
    @POST
    @Path("v1/oauth/verify/second-factor")
    public Response verifySecondFactor(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return answer(() -> {
            RequestFields fields = RequestFields.read(contentType, body, formFields());
            String token = fields.required("mfa_token");
            String code = fields.required("code");
            OtpConfig config = OtpConfig.forRealm(realm);
            TokenIssuer issuer = new TokenIssuer(session, realm);
            ClientModel client = signInCall(() -> issuer.apiClient(apiClientId()));
            EventBuilder event = loginEvent(client).detail("second_factor", OTPCredentialModel.TYPE);
            UserModel user;
            try {
                user = new SecondFactorStep(session, realm, config).complete(token, code, clientIp());
            } catch (OtpException e) {
                throw refusedCode(event, e, false);
            }
            event.user(user).detail(Details.USERNAME, user.getUsername());
            return signedIn(issuer, client, user, event, Map.of(SecondFactor.SESSION_NOTE, OTPCredentialModel.TYPE));
        });
    }

    private EventBuilder loginEvent(ClientModel client) {
        return new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.LOGIN).client(client)
                .detail(Details.AUTH_METHOD, "openid-connect")
                .detail(Details.AUTH_TYPE, AUTH_TYPE);
    }

    /**
     * A wrong code is a failed login of Keycloak's event log, against the account it was meant
     * for, and counts towards that account's brute-force lock-out as on the login page; other
     * refusals are not failed logins. A wrong wallet signature is no guess at a secret, so it
     * would only let anyone lock the account out: it does not count.
     */
    private ApiError refusedCode(EventBuilder event, OtpException e, boolean countsForLockOut) {
        if (e.error() == OtpError.INVALID_CODE || e.error() == OtpError.TOO_MANY_ATTEMPTS) {
            UserModel account = e.accountId() == null ? null : session.users().getUserById(realm, e.accountId());
            if (account != null) {
                event.user(account).detail(Details.USERNAME, account.getUsername());
                // Keycloak counts failures of the categories it knows only: a one-time code is "otp", as on the login page.
                if (countsForLockOut && realm.isBruteForceProtected()) {
                    session.getProvider(BruteForceProtector.class).failedLogin(realm, account,
                            session.getContext().getConnection(), session.getContext().getUri(), Set.of(OTPCredentialModel.TYPE));
                }
            }
            event.detail(Details.REASON, e.error().code()).error(Errors.INVALID_USER_CREDENTIALS);
        }
        return ApiError.from(e);
    }

    /** Tokens of a new session, the LOGIN event and the profile: how every sign-in by code ends. */
    private Response signedIn(TokenIssuer issuer, ClientModel client, UserModel user, EventBuilder event,
                              Map<String, String> sessionNotes) throws ApiError {
        AccessTokenResponse tokens = signInCall(() -> issuer.issue(client, user, clientIp(), event, sessionNotes));
        String lastConnection = ProfileView.recordConnection(user);
        event.success();
        return Envelope.ok("User logged in successfully", ProfileView.of(user, lastConnection, tokens));
    }

    @GET
    @Path("v1/oauth/google")
    public Response google(@QueryParam("redirect_uri") String redirectUri, @QueryParam("state") String state,
                           @QueryParam("code_challenge") String codeChallenge,
                           @QueryParam("code_challenge_method") String codeChallengeMethod) {
        return answer(() -> googleSignIn().start(redirectUri, state, AppChallenge.parse(codeChallenge, codeChallengeMethod)));
    }

    @GET
    @Path("v1/oauth/google/callback")
    public Response googleCallback(@QueryParam("code") String code, @QueryParam("state") String state,
                                   @QueryParam("error") String error) {
        return answer(() -> {
            GoogleSignIn google = googleSignIn();
            GoogleSignIn.Outcome outcome = google.callback(code, state, error);
            if (outcome.error() != null) {
                if (outcome.answersInEnvelope()) {
                    throw new ApiError(401, "login_cancelled", "The Google sign-in was cancelled or refused (" + outcome.error() + ").");
                }
                return toApp(outcome, OAuth2Constants.ERROR, "access_denied");
            }
            UserModel user = outcome.user();
            String lastConnection = ProfileView.recordConnection(user);
            Map<String, Object> results = ProfileView.of(user, lastConnection, outcome.tokens());
            if (outcome.answersInEnvelope()) {
                return Envelope.ok("User logged in successfully", results);
            }
            return toApp(outcome, OAuth2Constants.CODE, google.handOff(outcome, results));
        });
    }

    @POST
    @Path("v1/oauth/google/token")
    public Response googleToken(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return answer(() -> {
            RequestFields fields = RequestFields.read(contentType, body, formFields());
            JsonNode results = googleSignIn().redeemHandOff(fields.required("code"), fields.optional("code_verifier"));
            return Envelope.ok("User logged in successfully", JsonSerialization.mapper.convertValue(results, Map.class));
        });
    }

    private GoogleSignIn googleSignIn() throws ApiError {
        return new GoogleSignIn(session, realm, signInCall(() -> new TokenIssuer(session, realm).apiClient(apiClientId())));
    }

    /** Back to the app's registered redirect URI with one parameter and its state; never tokens. */
    private static Response toApp(GoogleSignIn.Outcome outcome, String name, String value) {
        UriBuilder target = UriBuilder.fromUri(outcome.appRedirect()).queryParam(name, value);
        if (!outcome.appState().isEmpty()) {
            target.queryParam(OAuth2Constants.STATE, outcome.appState());
        }
        return Response.seeOther(target.build()).header("Cache-Control", "no-store").build();
    }

    /**
     * QR login: the API, the QR images and the phone's approval page. Methods the QR paths do not
     * take are refused here, before anything reads the body (see {@link MethodNotAllowed}).
     */
    @Path("v1/oauth/qr")
    public QrResource qr() {
        String method = session.getContext().getHttpRequest().getHttpMethod();
        if (!QrResource.TAKES.contains(method)) {
            throw new MethodNotAllowed(QrResource.allowedOn(session.getContext().getUri().getPath()));
        }
        return new QrResource(session, realm, this);
    }

    /** What the browser-flow QR login page polls; the login is found through its cookie. */
    @GET
    @Path("qr-login-status")
    public Response qrLoginStatus(@QueryParam("client_id") String clientId, @QueryParam("tab_id") String tabId) {
        return new QrLoginStatusEndpoint(session, realm).status(clientId, tabId);
    }

    /**
     * Every method the API's paths do not take gets the envelope rather than Keycloak's bare 405:
     * resource methods of the path take precedence over this locator, which answers the rest
     * without reading the body (HEAD follows GET, OPTIONS keeps the framework's answer).
     */
    @Path(ANY_OTHER_METHOD)
    public Object methodNotAllowed(@PathParam("endpoint") String endpoint) {
        throw new MethodNotAllowed(allowedOn(endpoint));
    }

    private static String allowedOn(String endpoint) {
        return endpoint.equals("google") || endpoint.equals("google/callback") ? "GET" : "POST";
    }

    Supplier<MultivaluedMap<String, String>> formFields() {
        return () -> session.getContext().getHttpRequest().getDecodedFormParameters();
    }

    private OtpService otp() {
        return new OtpService(session, realm, OtpConfig.forRealm(realm));
    }

    private static Identifier identify(OtpService otp, String id) throws ApiError {
        return signInCall(() -> otp.identify(id));
    }

    String apiClientId() {
        String configured = realm.getAttribute(API_CLIENT_ATTRIBUTE);
        return configured == null || configured.isBlank() ? DEFAULT_API_CLIENT : configured.trim();
    }

    String clientIp() {
        return session.getContext().getConnection().getRemoteAddr();
    }

    /** A step of a sign-in whose refusal becomes the API's error. */
    @FunctionalInterface
    interface SignInCall<T> {
        T call() throws SignInException;
    }

    static <T> T signInCall(SignInCall<T> call) throws ApiError {
        try {
            return call.call();
        } catch (SignInException e) {
            throw ApiError.from(e);
        }
    }

    /** The body of an endpoint. */
    @FunctionalInterface
    interface Endpoint {
        Response handle() throws ApiError, SignInException;
    }

    /**
     * Runs an endpoint and turns every outcome into an envelope. Refusals keep what they wrote on
     * purpose (attempt counters, error events); an unexpected fault rolls the request back so no
     * half-done state survives it.
     */
    Response answer(Endpoint endpoint) {
        try {
            return endpoint.handle();
        } catch (ApiError e) {
            return Envelope.failure(e);
        } catch (SignInException e) {
            return Envelope.failure(ApiError.from(e));
        } catch (RuntimeException e) {
            rollback();
            LOG.errorf(e, "Unexpected failure in the trader4 API of realm %s", realm.getName());
            return Envelope.failure(new ApiError(500, "server_error", "The request could not be completed. Please try again."));
        }
    }

    private void rollback() {
        if (session.getTransactionManager().isActive()) {
            session.getTransactionManager().setRollbackOnly();
        }
    }
}
