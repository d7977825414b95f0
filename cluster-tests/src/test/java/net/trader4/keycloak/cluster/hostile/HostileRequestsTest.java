package net.trader4.keycloak.cluster.hostile;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostileRequestsTest {

    private static final String REALM = "/realms/trader4";

    @Test
    void aSeedAndIndexAlwaysGiveTheSameBytes() {
        HostileRequests one = new HostileRequests(42, REALM);
        HostileRequests again = new HostileRequests(42, REALM);
        HostileRequests other = new HostileRequests(43, REALM);
        int differing = 0;
        for (long i = 0; i < 500; i++) {
            assertArrayEquals(one.request(i).toBytes(), again.request(i).toBytes(), "request " + i);
            if (!new String(one.request(i).toBytes(), StandardCharsets.ISO_8859_1)
                    .equals(new String(other.request(i).toBytes(), StandardCharsets.ISO_8859_1))) {
                differing++;
            }
        }
        assertTrue(differing > 400, "another seed gives other requests: " + differing + " of 500 differ");
    }

    @Test
    void everyEndpointGetsEveryKind() {
        HostileRequests generator = new HostileRequests(20261126, REALM);
        Set<String> seen = new HashSet<>();
        Set<String> queriesOnGetEndpoints = new HashSet<>();
        for (long i = 0; i < 10_000; i++) {
            HostileRequest request = generator.request(i);
            for (HostileRequests.Endpoint endpoint : HostileRequests.ENDPOINTS) {
                if (endpoint.isTargetedBy(REALM, request.target())) {
                    seen.add(endpoint.method() + " " + endpoint.path() + " " + request.kind());
                    if (endpoint.readsQuery() && request.method().equals("GET") && request.target().contains(endpoint.first() + "=")) {
                        queriesOnGetEndpoints.add(endpoint.path());
                    }
                }
            }
        }
        for (HostileRequests.Endpoint endpoint : HostileRequests.ENDPOINTS) {
            for (String kind : new String[] {"broken-json", "oversized-body", "wrong-types", "odd-encoding", "control-chars",
                "injection", "huge-headers", "wrong-method", "wrong-content-type", "bad-form", "bad-credentials"}) {
                assertTrue(seen.contains(endpoint.method() + " " + endpoint.path() + " " + kind),
                        kind + " requests against " + endpoint.path());
            }
            if (endpoint.readsQuery()) {
                assertTrue(queriesOnGetEndpoints.contains(endpoint.path()), "hostile queries against " + endpoint.path());
            }
        }
    }

    @Test
    void requestLinesAndHeadersStayOneLineEach() {
        HostileRequests generator = new HostileRequests(7, REALM);
        for (long i = 0; i < 5_000; i++) {
            HostileRequest request = generator.request(i);
            for (char c : request.target().toCharArray()) {
                assertTrue(c > 0x20 && c < 0x7f, "request " + i + " has a raw 0x" + Integer.toHexString(c) + " in its target");
            }
            for (String[] header : request.headers()) {
                assertFalse(header[1].contains("\r") || header[1].contains("\n"), "request " + i + " splits header " + header[0]);
            }
        }
    }

    @Test
    void theReportNamesTheEndpointARequestWasAimedAt() {
        HostileRequests generator = new HostileRequests(1, REALM);
        assertEquals("POST v1/oauth/qr/authorize", generator.endpointOf(
                new HostileRequest("x", "POST", REALM + "/trader4/v1/oauth/qr/authorize?x=1", java.util.List.of(), new byte[0])));
        assertEquals("GET v1/oauth/qr/{token}.png", generator.endpointOf(
                new HostileRequest("x", "GET", REALM + "/trader4/v1/oauth/qr/trABC.png", java.util.List.of(), new byte[0])));
        assertEquals("other", generator.endpointOf(
                new HostileRequest("x", "GET", REALM + "/trader4/v1/oauth/unknown/a/b", java.util.List.of(), new byte[0])));
    }

    @Test
    void malformedPercentEscapesAreRecognised() {
        assertTrue(HostileRequests.hasMalformedPercent("id=%zz"));
        assertTrue(HostileRequests.hasMalformedPercent("id=%4"));
        assertFalse(HostileRequests.hasMalformedPercent("id=a%40b.c"));
        assertEquals(false, HostileRequests.hasMalformedPercent(""));
    }
}
