package net.trader4.keycloak.otp.identifier;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class LogSafeTextTest {

    @Test
    void aMailServersReplyLosesTheRecipientButKeepsItsMeaning() {
        String safe = LogSafeText.of("SMTPAddressFailedException: 550 5.1.1 <jane.doe@example.com>: Recipient address rejected: User unknown");

        assertFalse(safe.contains("jane.doe"), safe);
        assertFalse(safe.contains("example.com"), safe);
        assertTrue(safe.contains("550 5.1.1 <j"), safe);
        assertTrue(safe.endsWith("Recipient address rejected: User unknown"), safe);
    }

    @Test
    void everyAddressAndLongNumberIsMasked() {
        String safe = LogSafeText.of("to=a@b.org,cc=x.y@z.example; call +44 7888 872720 or 004915112345678 on port 25");

        assertFalse(safe.contains("a@b.org") || safe.contains("x.y@z.example"), safe);
        assertFalse(safe.contains("872720") || safe.contains("12345678"), safe);
        assertTrue(safe.contains("port 25"), safe);
    }

    @Test
    void nothingToHideIsLeftAlone() {
        assertEquals("Connection refused", LogSafeText.of("Connection refused"));
        assertNull(LogSafeText.of(null));
    }
}
