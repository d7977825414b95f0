package net.trader4.keycloak.rest.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.trader4.keycloak.rest.api.ApiError;
import org.junit.jupiter.api.Test;

class AppChallengeTest {

    /** RFC 7636, appendix B. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void theRfcExampleVerifierMeetsItsChallenge() throws ApiError {
        AppChallenge challenge = AppChallenge.parse(CHALLENGE, "S256");
        assertTrue(challenge.isMetBy(VERIFIER));
        assertFalse(challenge.isMetBy(VERIFIER.substring(1) + "A"));
        assertFalse(challenge.isMetBy(null), "a challenge needs its verifier");
        assertFalse(challenge.isMetBy(CHALLENGE), "the challenge itself is no verifier");
    }

    @Test
    void onlyS256AndWellFormedChallengesAreTaken() {
        assertEquals(400, assertThrows(ApiError.class, () -> AppChallenge.parse(VERIFIER, "plain")).status());
        assertEquals(400, assertThrows(ApiError.class, () -> AppChallenge.parse(CHALLENGE, null)).status());
        assertEquals(400, assertThrows(ApiError.class, () -> AppChallenge.parse("short", "S256")).status());
        assertEquals(400, assertThrows(ApiError.class, () -> AppChallenge.parse(null, "S256")).status());
    }

    @Test
    void withoutAChallengeNoVerifierIsNeeded() throws ApiError {
        AppChallenge none = AppChallenge.parse(null, null);
        assertTrue(none.isEmpty());
        assertTrue(none.isMetBy(null));
        assertTrue(AppChallenge.of("").isMetBy("anything"));
    }

    @Test
    void aVerifierOutsideTheRfcAlphabetOrLengthNeverMatches() throws ApiError {
        AppChallenge challenge = AppChallenge.parse(CHALLENGE, "S256");
        assertFalse(challenge.isMetBy("short"));
        assertFalse(challenge.isMetBy(VERIFIER + " "));
    }
}
