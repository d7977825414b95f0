package net.trader4.keycloak.qr.approval;

import java.net.URI;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.common.account.AccountChecks;
import net.trader4.keycloak.common.error.SignInException;
import net.trader4.keycloak.qr.QrLinks;
import net.trader4.keycloak.qr.config.QrConfig;
import net.trader4.keycloak.qr.request.QrError;
import net.trader4.keycloak.qr.request.QrException;
import net.trader4.keycloak.qr.request.QrLoginRequest;
import net.trader4.keycloak.qr.request.QrLoginService;
import net.trader4.keycloak.qr.request.QrState;
import net.trader4.keycloak.qr.request.QrTimestamps;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * The page a phone opens by scanning a QR code. Whoever opens it must be signed in to the realm:
 * the page trusts Keycloak's own SSO cookie, as Keycloak's login pages do, and sends a phone
 * without one through an ordinary OIDC authorization request of the approval client, which runs
 * the realm's browser flow and sets that cookie. The authorization code that comes back is never
 * redeemed: the page needs the signed-in user, not tokens.
 */
public final class ApprovalEndpoint {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final QrLoginService service;
    private final QrLinks links;

    public ApprovalEndpoint(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.service = new QrLoginService(session, realm, QrConfig.forRealm(realm));
        this.links = QrLinks.ofRequest(session, realm);
    }

    public Response show(String token) {
        QrLoginRequest request;
        try {
            request = pending(token);
        } catch (QrException e) {
            return ApprovalResponses.refused(e);
        }
        MultivaluedMap<String, String> query = session.getContext().getUri().getQueryParameters();
        boolean returningFromLogin = query.containsKey("code") || query.containsKey("error") || query.containsKey("state");
        AuthResult signedIn = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        if (signedIn == null) {
            if (returningFromLogin) {
                return ApprovalResponses.page(401, "Not signed in",
                        "Signing in did not complete. Scan the QR code again to retry.", "qr-approval-error");
            }
            return signIn(token);
        }
        if (returningFromLogin) {
            // Keeps the authorization code out of the browser history.
            return Response.seeOther(URI.create(links.approvalPage(token))).cacheControl(noStore()).build();
        }
        CsrfTokens csrf = CsrfTokens.forRealm(session, realm);
        if (csrf == null) {
            return ApprovalResponses.page(503, "Not available", "QR sign-in is not configured in this realm.", "qr-approval-error");
        }
        long now = Time.currentTimeMillis();
        ApprovalView view = new ApprovalView(clientName(request.clientId()),
                UserAgentSummary.describe(request.requesterAgent()), request.requesterIp(),
                QrTimestamps.iso(request.createdAtMillis()).substring(0, 19).replace('T', ' ') + " UTC",
                (now - request.createdAtMillis()) / 1000, Math.max(0, (request.expiresAtMillis() - now) / 1000),
                account(signedIn.user()), links.approvalPage(token), csrf.issue(signedIn.session().getId(), token));
        return ApprovalResponses.html(200, ApprovalPage.confirm(view));
    }

    public Response decide(String token, MultivaluedMap<String, String> form) {
        QrLoginRequest request;
        try {
            request = service.find(token);
        } catch (QrException e) {
            return ApprovalResponses.refused(e);
        }
        AuthResult signedIn = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        if (signedIn == null) {
            return ApprovalResponses.page(401, "Not signed in", "Your session ended. Scan the QR code again.", "qr-approval-error");
        }
        CsrfTokens csrf = CsrfTokens.forRealm(session, realm);
        String presented = form == null ? null : form.getFirst("csrf");
        if (csrf == null || !csrf.matches(presented, signedIn.session().getId(), token)) {
            return ApprovalResponses.page(403, "Not accepted",
                    "This form has expired or did not come from this page. Scan the QR code again.", "qr-approval-error");
        }
        String decision = form.getFirst("decision");
        if (!"approve".equals(decision) && !"deny".equals(decision)) {
            return ApprovalResponses.page(400, "Not accepted", "Choose Approve or Deny.", "qr-approval-error");
        }
        boolean approve = "approve".equals(decision);
        UserModel user = signedIn.user();
        try {
            if (approve) {
                AccountChecks.requireUsable(session, realm, user);
            }
            service.decide(request, user, signedIn.session(), approve);
        } catch (QrException e) {
            return ApprovalResponses.refused(e);
        } catch (SignInException e) {
            return ApprovalResponses.page(e.error().status(), "Not accepted", e.getMessage(), "qr-approval-error");
        }
        if (approve) {
            return ApprovalResponses.page(200, "Approved",
                    "The other device is now signing in as " + account(user) + ". You can close this page.", "qr-approved");
        }
        return ApprovalResponses.page(200, "Denied", "Nobody was signed in. You can close this page.", "qr-denied");
    }

    private QrLoginRequest pending(String token) throws QrException {
        QrLoginRequest request = service.find(token);
        QrState state = service.state(request);
        if (state == QrState.APPROVED || state == QrState.DENIED) {
            throw new QrException(QrError.ALREADY_DECIDED,
                    "This QR code has already been approved or denied.");
        }
        if (state != QrState.PENDING) {
            throw QrLoginService.refusal(state);
        }
        return request;
    }

    private Response signIn(String token) {
        String clientId = service.config().approvalClientId();
        ClientModel client = realm.getClientByClientId(clientId);
        if (client == null || !client.isEnabled()) {
            return ApprovalResponses.page(503, "Not available",
                    "QR sign-in is not configured in this realm (client '" + clientId + "' is missing).", "qr-approval-error");
        }
        URI login = links.authorizationEndpoint()
                .queryParam("client_id", clientId)
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("redirect_uri", links.approvalPage(token))
                .queryParam("state", SecretGenerator.getInstance().randomBytesHex(16))
                .build(realm.getName());
        return Response.seeOther(login).cacheControl(noStore()).build();
    }

    private String clientName(String clientId) {
        ClientModel client = realm.getClientByClientId(clientId);
        String name = client == null ? null : client.getName();
        // Names like ${client_account} are message keys of the admin console, not names.
        return name == null || name.isBlank() || name.startsWith("${") ? clientId : name;
    }

    private static String account(UserModel user) {
        return user.getEmail() != null && !user.getEmail().isBlank() ? user.getEmail() : user.getUsername();
    }

    static CacheControl noStore() {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoStore(true);
        cacheControl.setNoCache(true);
        return cacheControl;
    }

    static MediaType html() {
        return MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    }
}
