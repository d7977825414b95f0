package net.trader4.keycloak.qr.approval;

import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.qr.request.QrException;

/**
 * Responses of the approval page: never cached, never framed (an Approve button inside someone
 * else's page would be a clickjacking target), no referrer leaking the token.
 */
final class ApprovalResponses {

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private ApprovalResponses() {
    }

    static Response html(int status, String html) {
        return Response.status(status).entity(html).type(ApprovalEndpoint.html())
                .cacheControl(ApprovalEndpoint.noStore())
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", CSP)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    static Response page(int status, String title, String text, String pageId) {
        return html(status, ApprovalPage.message(title, text, pageId));
    }

    static Response refused(QrException e) {
        int status = e.error().status() < 400 ? 409 : e.error().status();
        return page(status, "Cannot approve", e.getMessage(), "qr-approval-error");
    }
}
