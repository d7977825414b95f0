package net.trader4.keycloak.otp.challenge;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OtpChallengeTest {

    @Test
    void survivesTheStoreRoundTrip() {
        OtpChallenge challenge = new OtpChallenge("id1", "hash", "HS512:kid", "user-1", 100, 400, "email");
        assertEquals(challenge, OtpChallenge.fromNotes(challenge.toNotes()));
        assertTrue(challenge.hasAccount());
    }

    @Test
    void expiresAtItsOwnTimeWhateverTheStoreSays() {
        OtpChallenge challenge = new OtpChallenge("id1", "hash", "k", "", 100, 400, "");
        assertFalse(challenge.isExpired(399));
        assertTrue(challenge.isExpired(400));
        assertFalse(challenge.hasAccount());
    }

    @Test
    void brokenNotesAreNoChallenge() {
        assertNull(OtpChallenge.fromNotes(null));
        assertNull(OtpChallenge.fromNotes(Map.of("id", "x")));
        assertNull(OtpChallenge.fromNotes(Map.of("id", "x", "hash", "h", "iat", "soon", "exp", "1")));
    }
}
