package net.trader4.keycloak.rest;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.common.account.AccountChecks;
import net.trader4.keycloak.common.account.AccountError;
import net.trader4.keycloak.common.account.SecondFactor;
import net.trader4.keycloak.common.error.SignInException;
import net.trader4.keycloak.qr.QrLinks;
import net.trader4.keycloak.qr.approval.ApprovalEndpoint;
import net.trader4.keycloak.qr.config.QrConfig;
import net.trader4.keycloak.qr.image.QrImage;
import net.trader4.keycloak.qr.request.QrCreated;
import net.trader4.keycloak.qr.request.QrDecision;
import net.trader4.keycloak.qr.request.QrEvents;
import net.trader4.keycloak.qr.request.QrException;
import net.trader4.keycloak.qr.request.QrLoginRequest;
import net.trader4.keycloak.qr.request.QrLoginService;
import net.trader4.keycloak.qr.request.QrOrigin;
import net.trader4.keycloak.qr.request.QrTimestamps;
import net.trader4.keycloak.rest.api.ApiError;
import net.trader4.keycloak.rest.api.Envelope;
import net.trader4.keycloak.rest.api.RequestFields;
import net.trader4.keycloak.rest.api.results.QrCreatedResult;
import net.trader4.keycloak.rest.api.results.QrPendingResult;
import net.trader4.keycloak.rest.token.TokenIssuer;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * {@code /v1/oauth/qr}: create a QR login, its image, the phone's decision (by API or on the
 * approval page) and the requester's check, which answers tokens of a new session exactly once.
 */
public class QrResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ApiCalls calls;

    QrResource(KeycloakSession session, RealmModel realm, ApiCalls calls) {
        this.session = session;
        this.realm = realm;
        this.calls = calls;
    }

    @GET
    public Response create() {
        return calls.answer(() -> {
            ClientModel client = calls.apiClient();
            QrLinks links = QrLinks.toShare(session, realm);
            QrCreated created = service().create(QrOrigin.API, client, null);
            QrLoginRequest request = created.request();
            String image = calls.publicBaseUrl().map(api -> api.qrImage(request.token()))
                    .orElseGet(() -> links.image(request.token()));
            return Envelope.ok("Qr Code login image created successfully", new QrCreatedResult(request.token(),
                    QrTimestamps.iso(request.expiresAtMillis()), image, created.secret()));
        });
    }

    /** {@code {token}.png} is the QR image ({@code ?dl}: as a download); {@code {token}} the approval page. */
    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String file) {
        if (file.endsWith(".png")) {
            return image(file.substring(0, file.length() - ".png".length()));
        }
        return new ApprovalEndpoint(session, realm).show(file);
    }

    /** The approval page's form; any other body counts as no form at all. */
    @POST
    @Path("{token}")
    public Response decideOnPage(@PathParam("token") String token, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        boolean form = contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED);
        return new ApprovalEndpoint(session, realm).decide(token, form ? calls.formFields().get() : new MultivaluedHashMap<>());
    }

    @POST
    @Path("authorize")
    public Response authorize(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream body) {
        return calls.answer(() -> {
            QrLoginService service = service();
            AuthResult phone = PhoneToken.verify(session, authorization, approvingClients(service.config()));
            RequestFields fields = RequestFields.read(contentType, body, calls.formFields());
            String action = fields.optional("action");
            if (action != null && !action.equals("approve") && !action.equals("deny")) {
                throw ApiError.invalidRequest("The field 'action' must be 'approve' or 'deny'.");
            }
            boolean approve = !"deny".equals(action);
            QrLoginRequest request = service.find(fields.required("token").trim());
            if (approve) {
                AccountChecks.requireUsable(session, realm, phone.user());
            }
            service.decide(request, phone.user(), phone.session(), approve);
            return Envelope.ok("Response successfully returned");
        });
    }

    @POST
    public Response check(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return calls.answer(() -> {
            RequestFields fields = RequestFields.read(contentType, body, calls.formFields());
            int wait = waitSeconds(fields.optional("wait"));
            QrLoginService service = service();
            QrLoginRequest request = service.forRequester(fields.required("token").trim(), fields.optional("secret"));
            ClientModel client = new TokenIssuer(session, realm).apiClient(request.clientId());
            try {
                service.await(request, wait);
            } catch (QrException e) {
                return Envelope.failure(ApiError.from(e), new QrPendingResult(e.retryAfterSeconds()));
            }
            QrDecision decision = service.claim(request);
            UserModel user = session.users().getUserById(realm, decision.userId());
            EventBuilder event = QrEvents.describeClaim(new EventBuilder(realm, session, session.getContext().getConnection())
                    .event(EventType.LOGIN).client(client).detail(Details.AUTH_METHOD, "openid-connect"), request);
            if (user == null) {
                throw new SignInException(AccountError.ACCOUNT_DISABLED, "The account that approved this QR code no longer exists.");
            }
            AccountChecks.requireUsable(session, realm, user);
            event.user(user).detail(Details.USERNAME, user.getUsername());
            return new SignInCompletion(session, realm, calls).complete(client, user, event, SecondFactor.inheritedByQrLogin(realm, user));
        });
    }

    private Response image(String token) {
        return calls.answer(() -> {
            QrLoginRequest request = service().find(token);
            byte[] png = QrImage.png(QrLinks.toShare(session, realm).approvalPage(request.token()), QrImage.DEFAULT_SIZE);
            Response.ResponseBuilder response = Response.ok(png, "image/png")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("X-Content-Type-Options", "nosniff");
            if (session.getContext().getUri().getQueryParameters().containsKey("dl")) {
                response.header("Content-Disposition", "attachment; filename=\"" + request.token() + ".png\"");
            }
            return response.build();
        });
    }

    private static int waitSeconds(String raw) throws ApiError {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        try {
            int wait = Integer.parseInt(raw.trim());
            if (wait < 0 || wait > QrLoginService.MAX_WAIT_SECONDS) {
                throw ApiError.invalidRequest("The field 'wait' must be between 0 and " + QrLoginService.MAX_WAIT_SECONDS + " seconds.");
            }
            return wait;
        } catch (NumberFormatException e) {
            throw ApiError.invalidRequest("The field 'wait' must be a number of seconds.");
        }
    }

    private Set<String> approvingClients(QrConfig config) {
        Set<String> clients = new HashSet<>(config.approvingClientIds());
        clients.add(calls.apiClientId());
        clients.add(config.approvalClientId());
        return clients;
    }

    private QrLoginService service() {
        return new QrLoginService(session, realm, QrConfig.forRealm(realm));
    }

    /** The methods the QR paths take; HEAD follows GET, OPTIONS is the framework's. */
    static final Set<String> TAKES = Set.of("GET", "HEAD", "POST", "OPTIONS");

    /** The {@code Allow} of a QR path, for a method it does not take. */
    static String allowedOn(String requestPath) {
        return requestPath.endsWith("/qr/authorize") ? "POST" : "GET, POST";
    }
}
