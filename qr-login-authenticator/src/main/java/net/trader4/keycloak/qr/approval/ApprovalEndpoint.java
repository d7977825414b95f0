package net.trader4.keycloak.qr.approval;

import java.net.URI;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
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
    private final ApprovalLocale locale;
    private final ApprovalResponses pages;

    public ApprovalEndpoint(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.service = new QrLoginService(session, realm, QrConfig.forRealm(realm));
        this.links = QrLinks.ofRequest(session, realm);
        this.locale = ApprovalLocale.ofRequest(session, realm);
        this.pages = new ApprovalResponses(session, locale);
    }

    public Response show(String token) {
        QrLoginRequest request;
        try {
            request = pending(token);
        } catch (QrException e) {
            return pages.message(null, ApprovalMessage.refused(e));
        }
        MultivaluedMap<String, String> query = session.getContext().getUri().getQueryParameters();
        boolean returningFromLogin = query.containsKey("code") || query.containsKey("error") || query.containsKey("state");
        AuthResult signedIn = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        if (signedIn == null) {
            if (returningFromLogin) {
                return pages.message(null, ApprovalMessage.signInIncomplete());
            }
            return signIn(token);
        }
        if (returningFromLogin) {
            // Keeps the authorization code out of the browser history.
            return Response.seeOther(URI.create(pageAddress(token))).cacheControl(noStore()).build();
        }
        UserModel user = signedIn.user();
        CsrfTokens csrf = CsrfTokens.forRealm(session, realm);
        if (csrf == null) {
            return pages.message(user, ApprovalMessage.notConfigured());
        }
        long now = Time.currentTimeMillis();
        ApprovalView view = new ApprovalView(clientName(request.clientId()),
                UserAgentSummary.describe(request.requesterAgent()), request.requesterIp(),
                QrTimestamps.iso(request.createdAtMillis()).substring(0, 19).replace('T', ' ') + " UTC",
                (now - request.createdAtMillis()) / 1000, Math.max(0, (request.expiresAtMillis() - now) / 1000),
                account(user), pageAddress(token), csrf.issue(signedIn.session().getId(), token));
        return pages.question(user, view);
    }

    public Response decide(String token, MultivaluedMap<String, String> form) {
        QrLoginRequest request;
        try {
            request = service.find(token);
        } catch (QrException e) {
            return pages.message(null, ApprovalMessage.refused(e));
        }
        AuthResult signedIn = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        if (signedIn == null) {
            return pages.message(null, ApprovalMessage.sessionEnded());
        }
        UserModel user = signedIn.user();
        CsrfTokens csrf = CsrfTokens.forRealm(session, realm);
        String presented = form == null ? null : form.getFirst("csrf");
        if (csrf == null || !csrf.matches(presented, signedIn.session().getId(), token)) {
            return pages.message(user, ApprovalMessage.formExpired());
        }
        String decision = form.getFirst("decision");
        if (!"approve".equals(decision) && !"deny".equals(decision)) {
            return pages.message(user, ApprovalMessage.noDecision());
        }
        boolean approve = "approve".equals(decision);
        try {
            if (approve) {
                AccountChecks.requireUsable(session, realm, user);
            }
            service.decide(request, user, signedIn.session(), approve);
        } catch (QrException e) {
            return pages.message(user, ApprovalMessage.refused(e));
        } catch (SignInException e) {
            return pages.message(user, ApprovalMessage.refused(e));
        }
        return pages.message(user, approve ? ApprovalMessage.approved(account(user)) : ApprovalMessage.denied());
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
            return pages.message(null, ApprovalMessage.approvalClientMissing(clientId));
        }
        URI login = locale.askLoginIn(links.authorizationEndpoint())
                .queryParam("client_id", clientId)
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("redirect_uri", pageAddress(token))
                .queryParam("state", SecretGenerator.getInstance().randomBytesHex(16))
                .build(realm.getName());
        return Response.seeOther(login).cacheControl(noStore()).build();
    }

    /**
     * This page in the language it was asked in. Keycloak's login keeps no language of its own for
     * where it returns to (it even drops its locale cookie for an account without a language), so
     * the way back names it; the approval client's redirect URI ends in a wildcard, which allows a query.
     */
    private String pageAddress(String token) {
        return locale.carryOver(UriBuilder.fromUri(links.approvalPage(token))).build().toString();
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
}
