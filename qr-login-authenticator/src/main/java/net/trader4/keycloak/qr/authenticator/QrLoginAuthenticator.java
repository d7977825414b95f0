package net.trader4.keycloak.qr.authenticator;

import java.util.Base64;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.common.account.AccountChecks;
import net.trader4.keycloak.common.account.SecondFactor;
import net.trader4.keycloak.common.error.SignInException;
import net.trader4.keycloak.qr.QrLinks;
import net.trader4.keycloak.qr.config.QrConfig;
import net.trader4.keycloak.qr.image.QrImage;
import net.trader4.keycloak.qr.request.QrCreated;
import net.trader4.keycloak.qr.request.QrDecision;
import net.trader4.keycloak.qr.request.QrError;
import net.trader4.keycloak.qr.request.QrEvents;
import net.trader4.keycloak.qr.request.QrException;
import net.trader4.keycloak.qr.request.QrLoginRequest;
import net.trader4.keycloak.qr.request.QrLoginService;
import net.trader4.keycloak.qr.request.QrOrigin;
import net.trader4.keycloak.qr.request.QrState;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Shows a QR code on the login page and signs in whoever approves it on a signed-in phone, in this
 * browser only: the QR login is bound to this authentication session (its token is an auth note,
 * never something the page sends back), the page polls a status endpoint that finds the session
 * through its cookie, and {@link #action} collects the approval itself.
 */
public class QrLoginAuthenticator implements Authenticator {

    static final String TOKEN_NOTE = "trader4.qr.token";
    static final String TEMPLATE = "trader4-qr-login.ftl";
    static final String ACTION_FIELD = "qr_action";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (isApprovalSignIn(context)) {
            // The phone signing in to approve a QR login cannot scan its own screen: hand over to the
            // next alternative, so no realm needs a flow override on the approval client.
            context.attempted();
            return;
        }
        context.challenge(freshChallenge(context, null));
    }

    private static boolean isApprovalSignIn(AuthenticationFlowContext context) {
        String clientId = context.getAuthenticationSession().getClient().getClientId();
        return config(context).approvalClientId().equals(clientId);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = form.getFirst(ACTION_FIELD);
        if ("otp".equals(action)) {
            // Hands over to the next alternative of the flow: the one-time-code form.
            context.getAuthenticationSession().removeAuthNote(TOKEN_NOTE);
            context.attempted();
            return;
        }
        if ("renew".equals(action)) {
            context.challenge(freshChallenge(context, null));
            return;
        }
        collect(context);
    }

    private void collect(AuthenticationFlowContext context) {
        QrLoginService service = service(context);
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        QrLoginRequest request = current(context, service);
        if (request == null) {
            context.challenge(freshChallenge(context, null));
            return;
        }
        QrState state = service.state(request);
        if (state == QrState.PENDING) {
            context.challenge(challenge(context, request, service, null));
            return;
        }
        if (state != QrState.APPROVED) {
            context.challenge(freshChallenge(context, state == QrState.DENIED ? "trader4QrDenied" : "trader4QrExpired"));
            return;
        }
        QrDecision decision;
        try {
            decision = service.claim(request);
        } catch (QrException e) {
            context.challenge(freshChallenge(context, "trader4QrExpired"));
            return;
        }
        authSession.removeAuthNote(TOKEN_NOTE);
        UserModel user = context.getSession().users().getUserById(context.getRealm(), decision.userId());
        if (user == null) {
            context.challenge(freshChallenge(context, "trader4QrExpired"));
            return;
        }
        if (context.getUser() != null && !context.getUser().getId().equals(user.getId())) {
            // The flow already knows who is signing in; a phone of another account cannot change that.
            context.getEvent().user(context.getUser());
            context.failureChallenge(AuthenticationFlowError.INVALID_USER, freshChallenge(context, "trader4QrOtherAccount"));
            return;
        }
        try {
            AccountChecks.requireUsable(context.getSession(), context.getRealm(), user);
        } catch (SignInException e) {
            context.getEvent().user(user);
            context.failureChallenge(AuthenticationFlowError.USER_DISABLED, freshChallenge(context, "trader4QrAccountUnusable"));
            return;
        }
        QrEvents.describeClaim(context.getEvent(), request).user(user);
        SecondFactor.inheritedByQrLogin(context.getRealm(), user).forEach(authSession::setUserSessionNote);
        context.setUser(user);
        context.success();
    }

    private QrLoginRequest current(AuthenticationFlowContext context, QrLoginService service) {
        String token = context.getAuthenticationSession().getAuthNote(TOKEN_NOTE);
        if (token == null) {
            return null;
        }
        try {
            QrLoginRequest request = service.find(token);
            return request.origin() == QrOrigin.BROWSER
                    && request.authSessionId().equals(context.getAuthenticationSession().getParentSession().getId())
                    ? request : null;
        } catch (QrException e) {
            return null;
        }
    }

    private Response freshChallenge(AuthenticationFlowContext context, String error) {
        QrLoginService service = service(context);
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        try {
            QrLinks links = QrLinks.toShare(context.getSession(), context.getRealm());
            QrCreated created = service.create(QrOrigin.BROWSER, authSession.getClient(), authSession.getParentSession().getId());
            authSession.setAuthNote(TOKEN_NOTE, created.request().token());
            return challenge(context, links, created.request(), service, error);
        } catch (QrException e) {
            return withoutQrCode(context, e);
        }
    }

    private Response challenge(AuthenticationFlowContext context, QrLoginRequest request, QrLoginService service, String error) {
        try {
            return challenge(context, QrLinks.toShare(context.getSession(), context.getRealm()), request, service, error);
        } catch (QrException e) {
            return withoutQrCode(context, e);
        }
    }

    /** The page with the way to a one-time code but no QR code, saying why. */
    private static Response withoutQrCode(AuthenticationFlowContext context, QrException refusal) {
        context.getAuthenticationSession().removeAuthNote(TOKEN_NOTE);
        String message = refusal.error() == QrError.HOSTNAME_NOT_CONFIGURED ? "trader4QrUnavailable" : "trader4QrRateLimited";
        return context.form().setError(message).setAttribute("qr", null).createForm(TEMPLATE);
    }

    private Response challenge(AuthenticationFlowContext context, QrLinks links, QrLoginRequest request, QrLoginService service,
            String error) {
        RealmModel realm = context.getRealm();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String image = "data:image/png;base64," + Base64.getEncoder().encodeToString(
                QrImage.png(links.approvalPage(request.token()), QrImage.DEFAULT_SIZE));
        String statusUrl = links.loginStatus()
                .queryParam("client_id", authSession.getClient().getClientId())
                .queryParam("tab_id", authSession.getTabId())
                .build(realm.getName()).toString();
        long secondsLeft = Math.max(0, (request.expiresAtMillis() - Time.currentTimeMillis()) / 1000);
        var form = context.form().setAttribute("qr",
                new QrLoginPageModel(image, statusUrl, secondsLeft, service.config().pollIntervalSeconds()));
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(TEMPLATE);
    }

    private static QrLoginService service(AuthenticationFlowContext context) {
        return new QrLoginService(context.getSession(), context.getRealm(), config(context));
    }

    private static QrConfig config(AuthenticationFlowContext context) {
        return QrConfig.forRealm(context.getRealm());
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
