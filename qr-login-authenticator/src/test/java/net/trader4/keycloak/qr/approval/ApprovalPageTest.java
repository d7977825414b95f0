package net.trader4.keycloak.qr.approval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApprovalPageTest {

    private static ApprovalView view(String clientName, String device) {
        return new ApprovalView(clientName, device, "203.0.113.7", "2026-01-01 10:00:00 UTC", 5, 100,
                "hi@trader4.net", "https://id.example.com/realms/r/trader4/v1/oauth/qr/tr00", "csrf-value");
    }

    @Test
    void showsWhoAsksFromWhereAndForWhichAccount() {
        String html = ApprovalPage.confirm(view("trader4 web", "Chrome on Windows"));
        assertTrue(html.contains("trader4 web"));
        assertTrue(html.contains("Chrome on Windows"));
        assertTrue(html.contains("203.0.113.7"));
        assertTrue(html.contains("hi@trader4.net"));
        assertTrue(html.contains("Didn't start this? Deny it."));
        assertTrue(html.contains("method=\"post\""));
        assertTrue(html.contains("name=\"csrf\" value=\"csrf-value\""));
        assertFalse(html.contains("<script"));
    }

    @Test
    void escapesEverythingItShows() {
        String html = ApprovalPage.confirm(view("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>"));
        assertFalse(html.contains("<script>alert"));
        assertFalse(html.contains("<img src=x"));
        assertTrue(html.contains("&lt;script&gt;"));
        assertTrue(ApprovalPage.message("A & B", "<b>", "p").contains("A &amp; B"));
    }
}
