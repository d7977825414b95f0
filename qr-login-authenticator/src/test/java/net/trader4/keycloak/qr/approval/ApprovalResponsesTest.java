package net.trader4.keycloak.qr.approval;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ApprovalResponsesTest {

    @Test
    void thePagesOwnHeadersWinOverTheRealms() {
        Map<String, String> headers = ApprovalResponses.securityHeaders(Map.of("xFrameOptions", "SAMEORIGIN",
                "contentSecurityPolicy", "frame-src 'self'; frame-ancestors 'self'; object-src 'none';",
                "referrerPolicy", "origin", "strictTransportSecurity", "max-age=31536000; includeSubDomains"));
        assertEquals("DENY", headers.get("X-Frame-Options"));
        assertEquals(ApprovalResponses.CSP, headers.get("Content-Security-Policy"));
        assertEquals("no-referrer", headers.get("Referrer-Policy"));
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("max-age=31536000; includeSubDomains", headers.get("Strict-Transport-Security"), "the realm's others stay");
        assertEquals("none", headers.get("X-Robots-Tag"), "Keycloak's defaults where the realm names none");
    }

    @Test
    void emptyRealmHeadersAreLeftOut() {
        Map<String, String> headers = ApprovalResponses.securityHeaders(Map.of("strictTransportSecurity", ""));
        assertFalse(headers.containsKey("Strict-Transport-Security"));
        assertFalse(headers.containsKey("Content-Security-Policy-Report-Only"));
    }
}
