package net.trader4.keycloak.rest;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.common.account.SecondFactor;
import net.trader4.keycloak.common.origin.SignInOrigin;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.service.OtpEvents;
import net.trader4.keycloak.otp.service.OtpService;
import net.trader4.keycloak.otp.service.SecondFactorStep;
import net.trader4.keycloak.otp.service.SecondFactorTickets;
import net.trader4.keycloak.otp.service.SignResult;
import net.trader4.keycloak.otp.service.VerifiedSignIn;
import net.trader4.keycloak.qr.authenticator.QrLoginStatusEndpoint;
import net.trader4.keycloak.rest.api.ApiError;
import net.trader4.keycloak.rest.api.ApiTimes;
import net.trader4.keycloak.rest.api.Envelope;
import net.trader4.keycloak.rest.api.OpenApiDocument;
import net.trader4.keycloak.rest.api.RequestFields;
import net.trader4.keycloak.rest.api.RestError;
import net.trader4.keycloak.rest.api.results.SecondFactorStepResult;
import net.trader4.keycloak.rest.api.results.WalletChallenge;
import net.trader4.keycloak.rest.signin.CodeSignIn;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

/**
 * The JSON sign-in API of the published contract ({@code /v1/oauth/...} under
 * {@code /realms/{realm}/trader4/}): sign-in by a code or a wallet signature here, QR login and
 * Google in their own resources. Every answer is the envelope; every refusal a 4xx with a stable
 * error code.
 */
@Produces(MediaType.APPLICATION_JSON)
public class SignInApiResource {

    /** This resource's paths, longest first: the first alternative that matches is taken. */
    private static final String ANY_OTHER_METHOD = "v1/oauth/{endpoint: verify/second-factor|verify|sign|openapi\\.json}";
    private static final String CONTRACT = "openapi.json";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ApiCalls calls;

    public SignInApiResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.calls = new ApiCalls(session, realm);
    }

    @POST
    @Path("v1/oauth/sign")
    public Response sign(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return calls.answer(() -> {
            RequestFields fields = RequestFields.read(contentType, body, calls.formFields());
            OtpService otp = otp().onBehalfOf(realm.getClientByClientId(calls.apiClientId()));
            Identifier identifier = identify(otp, fields.required("id"));
            SignResult sent = otp.sign(identifier, fields.optional("channel"), calls.clientIp());
            if (sent.walletMessage() != null) {
                return Envelope.ok("Response successfully returned",
                        new WalletChallenge(sent.walletMessage(), ApiTimes.ofEpochSeconds(sent.expiresAt())));
            }
            return Envelope.ok("Response successfully returned");
        });
    }

    @POST
    @Path("v1/oauth/verify")
    public Response verify(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return calls.answer(() -> {
            RequestFields fields = RequestFields.read(contentType, body, calls.formFields());
            ClientModel client = calls.apiClient();
            CodeSignIn codes = new CodeSignIn(session, realm, client);
            Identifier identifier = identify(codes.otp(), fields.required("id"));
            String code = fields.required("code");
            EventBuilder event = loginEvent(client);
            VerifiedSignIn signIn = ApiCalls.signInCall(() -> codes.verify(identifier, code, calls.clientIp(), event));
            switch (codes.secondFactorNeeded(signIn.user())) {
                case BROWSER -> throw new ApiError(RestError.BROWSER_LOGIN_REQUIRED, CodeSignIn.SECURITY_KEY_NEEDS_BROWSER);
                case APP_CODE -> {
                    String token = new SecondFactorStep(session, realm, codes.otp().config()).begin(signIn.user(), client.getClientId());
                    return Envelope.failure(new ApiError(RestError.SECOND_FACTOR_REQUIRED,
                            "Enter the code of your authenticator app: POST it with mfa_token to verify/second-factor."),
                            new SecondFactorStepResult(token, SecondFactorTickets.TTL_SECONDS, List.of("otp")));
                }
                default -> {
                }
            }
            CodeSignIn.recordSignIn(event, signIn);
            return new SignInCompletion(session, realm, calls).complete(client, signIn.user(), event, Map.of());
        });
    }

    /** Completes a sign-in by code for an account with an authenticator app: the app's code and mfa_token. */
    @POST
    @Path("v1/oauth/verify/second-factor")
    public Response verifySecondFactor(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return calls.answer(() -> {
            RequestFields fields = RequestFields.read(contentType, body, calls.formFields());
            String token = fields.required("mfa_token");
            String code = fields.required("code");
            OtpConfig config = OtpConfig.forRealm(realm);
            ClientModel client = calls.apiClient();
            EventBuilder event = loginEvent(client).detail("second_factor", OTPCredentialModel.TYPE);
            UserModel user;
            try {
                user = new SecondFactorStep(session, realm, config).complete(token, code, calls.clientIp());
            } catch (OtpException e) {
                throw ApiError.from(CodeSignIn.recordRefusal(session, realm, event, e, false));
            }
            event.user(user).detail(Details.USERNAME, user.getUsername());
            return new SignInCompletion(session, realm, calls).complete(client, user, event,
                    Map.of(SecondFactor.SESSION_NOTE, OTPCredentialModel.TYPE));
        });
    }

    private EventBuilder loginEvent(ClientModel client) {
        return new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.LOGIN).client(client)
                .detail(Details.AUTH_METHOD, "openid-connect")
                .detail(Details.AUTH_TYPE, OtpEvents.AUTH_TYPE);
    }

    /**
     * Google sign-in through the realm's Google broker. Methods its paths do not take are refused
     * here, before anything reads the body (see {@link MethodNotAllowed}).
     */
    @Path("v1/oauth/google")
    public GoogleSignInResource google() {
        String method = session.getContext().getHttpRequest().getHttpMethod();
        String path = session.getContext().getUri().getPath();
        if (!GoogleSignInResource.takes(method, path)) {
            throw new MethodNotAllowed(GoogleSignInResource.allowedOn(path));
        }
        return new GoogleSignInResource(session, realm, calls);
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
        return new QrResource(session, realm, calls);
    }

    /** The API's contract (OpenAPI 3.1), naming this realm's API in {@code servers}, at its public base URL when the realm sets one. */
    @GET
    @Path("v1/oauth/" + CONTRACT)
    public Response contract() {
        return calls.answer(() -> {
            String document = calls.publicBaseUrl().map(api -> OpenApiDocument.forServer(api.server()))
                    .orElseGet(() -> OpenApiDocument.forRealm(realm.getName(), SignInOrigin.of(session, realm)));
            return Response.ok(document, Envelope.JSON).build();
        });
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
        throw new MethodNotAllowed(CONTRACT.equals(endpoint) ? "GET" : "POST");
    }

    private OtpService otp() {
        return new OtpService(session, realm, OtpConfig.forRealm(realm));
    }

    private static Identifier identify(OtpService otp, String id) throws ApiError {
        return ApiCalls.signInCall(() -> otp.identify(id));
    }
}
