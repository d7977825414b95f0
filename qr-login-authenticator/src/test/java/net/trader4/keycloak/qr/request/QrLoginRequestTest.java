package net.trader4.keycloak.qr.request;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QrLoginRequestTest {

    @Test
    void survivesTheStoreUnchanged() {
        QrLoginRequest request = new QrLoginRequest("tr" + "a".repeat(32), "hash", QrOrigin.BROWSER, "web", "::1",
                "Mozilla/5.0", "root-1", 1000, 121_000);
        assertEquals(request, QrLoginRequest.fromNotes(request.toNotes()));
    }

    @Test
    void longUserAgentsAreCut() {
        QrLoginRequest request = new QrLoginRequest("t", null, QrOrigin.API, "c", null, "x".repeat(5000), null, 0, 1);
        assertEquals(QrLoginRequest.MAX_AGENT_LENGTH, request.requesterAgent().length());
        assertEquals("", request.secretHash());
    }

    @Test
    void damagedNotesAreNoRequest() {
        Map<String, String> notes = new HashMap<>(new QrLoginRequest("t", "h", QrOrigin.API, "c", "", "", "", 0, 1).toNotes());
        notes.put("expires", "soon");
        assertNull(QrLoginRequest.fromNotes(notes));
        assertNull(QrLoginRequest.fromNotes(null));
        assertNull(QrLoginRequest.fromNotes(Map.of("token", "t")));
        assertNull(QrDecision.fromNotes(Map.of("approved", "true")));
    }

    @Test
    void expiresAtItsOwnTime() {
        QrLoginRequest request = new QrLoginRequest("t", "h", QrOrigin.API, "c", "", "", "", 0, 1000);
        assertFalse(request.isExpired(999));
        assertTrue(request.isExpired(1000));
    }

    @Test
    void expiryIsIsoUtcWithMicroseconds() {
        assertEquals("2023-02-13T08:01:48.208000Z", QrTimestamps.iso(1676275308208L));
    }
}
