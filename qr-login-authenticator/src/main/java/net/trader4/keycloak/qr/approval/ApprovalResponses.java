package net.trader4.keycloak.qr.approval;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilderException;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.BrowserSecurityHeaders;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The approval pages, rendered from theme templates by Keycloak's login forms, as Keycloak renders
 * its own pages outside a login flow: the realm's login theme, its messages in the phone's
 * language, the templates from {@code theme-resources} so any theme has them. Never cached, never
 * framed (an Approve button inside someone else's page would be a clickjacking target), no
 * referrer leaking the token, no inline script: the theme's own scripts and styles load from this
 * server, anything injected inline would not run.
 */
final class ApprovalResponses {

    static final String QUESTION_TEMPLATE = "trader4-qr-approval.ftl";
    static final String MESSAGE_TEMPLATE = "trader4-qr-approval-message.ftl";

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final KeycloakSession session;
    private final ApprovalLocale locale;

    ApprovalResponses(KeycloakSession session, ApprovalLocale locale) {
        this.session = session;
        this.locale = locale;
    }

    Response question(UserModel user, ApprovalView view) {
        return render(forms(user).setAttribute("approval", view), QUESTION_TEMPLATE, 200);
    }

    /** @param user the signed-in phone's user, whose language may count; null when nobody is signed in */
    Response message(UserModel user, ApprovalMessage message) {
        return render(forms(user).setAttribute("approvalMessage", message), MESSAGE_TEMPLATE, message.status());
    }

    private LoginFormsProvider forms(UserModel user) {
        locale.applyTo(session, user);
        return session.getProvider(LoginFormsProvider.class).setUser(user);
    }

    private Response render(LoginFormsProvider forms, String template, int status) {
        Response rendered;
        try {
            rendered = forms.createForm(template);
        } catch (IllegalArgumentException | UriBuilderException e) {
            // Keycloak's login forms rebuild the request's address for their language menu; one its URI
            // builder cannot rebuild (a template brace, a broken escape from a hostile query) throws there.
            return unreadableAddress();
        }
        Response.ResponseBuilder response = Response.fromResponse(rendered);
        if (rendered.getStatus() == 200) {
            // setStatus takes only Response.Status constants; a page that failed to render keeps its 500.
            response.status(status);
        }
        // Keycloak's response filter would otherwise put the realm's headers over this page's stricter ones.
        session.getProvider(SecurityHeadersProvider.class).options().skipHeaders();
        securityHeaders(session.getContext().getRealm().getBrowserSecurityHeaders()).forEach(response::header);
        return response.cacheControl(ApprovalEndpoint.noStore()).build();
    }

    /** No page can name an address that cannot be rebuilt: a plain refusal instead, with the page's headers. */
    private Response unreadableAddress() {
        session.getProvider(SecurityHeadersProvider.class).options().skipHeaders();
        Response.ResponseBuilder response = Response.status(Response.Status.BAD_REQUEST)
                .entity("This address is not valid. Scan the QR code again.")
                .type("text/plain; charset=UTF-8");
        securityHeaders(session.getContext().getRealm().getBrowserSecurityHeaders()).forEach(response::header);
        return response.cacheControl(ApprovalEndpoint.noStore()).build();
    }

    /** The realm's browser security headers (HSTS, robots...), and over them this page's stricter ones. */
    static Map<String, String> securityHeaders(Map<String, String> realmHeaders) {
        Map<String, String> realm = realmHeaders == null ? Map.of() : realmHeaders;
        Map<String, String> headers = new LinkedHashMap<>();
        for (BrowserSecurityHeaders header : BrowserSecurityHeaders.values()) {
            String value = realm.getOrDefault(header.getKey(), header.getDefaultValue());
            if (value != null && !value.isEmpty()) {
                headers.put(header.getHeaderName(), value);
            }
        }
        headers.put(BrowserSecurityHeaders.X_FRAME_OPTIONS.getHeaderName(), "DENY");
        headers.put(BrowserSecurityHeaders.CONTENT_SECURITY_POLICY.getHeaderName(), CSP);
        headers.put(BrowserSecurityHeaders.REFERRER_POLICY.getHeaderName(), "no-referrer");
        headers.put(BrowserSecurityHeaders.X_CONTENT_TYPE_OPTIONS.getHeaderName(), "nosniff");
        return headers;
    }
}
