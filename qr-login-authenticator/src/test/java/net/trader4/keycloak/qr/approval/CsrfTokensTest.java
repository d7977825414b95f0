package net.trader4.keycloak.qr.approval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsrfTokensTest {

    private final CsrfTokens tokens = new CsrfTokens("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void boundToSessionAndQrCode() {
        String csrf = tokens.issue("session-1", "tr1");
        assertTrue(tokens.matches(csrf, "session-1", "tr1"));
        assertFalse(tokens.matches(csrf, "session-2", "tr1"));
        assertFalse(tokens.matches(csrf, "session-1", "tr2"));
        assertFalse(tokens.matches(null, "session-1", "tr1"));
        assertFalse(tokens.matches("", "session-1", "tr1"));
        assertFalse(new CsrfTokens("another key of 32 bytes length!!".getBytes()).matches(csrf, "session-1", "tr1"));
    }
}
