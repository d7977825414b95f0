package net.trader4.keycloak.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoogleSignInResourceTest {

    private static final String BASE = "/realms/trader4/trader4/v1/oauth/google";

    @Test
    void startAndCallbackTakeGetOnlyAndTheTokenExchangePostOnly() {
        assertTrue(GoogleSignInResource.takes("GET", BASE));
        assertTrue(GoogleSignInResource.takes("HEAD", BASE + "/callback"));
        assertFalse(GoogleSignInResource.takes("POST", BASE));
        assertFalse(GoogleSignInResource.takes("PUT", BASE + "/callback"));
        assertTrue(GoogleSignInResource.takes("POST", BASE + "/token"));
        assertFalse(GoogleSignInResource.takes("GET", BASE + "/token"));
        assertFalse(GoogleSignInResource.takes("DELETE", BASE + "/token"));
    }

    @Test
    void theAllowHeaderNamesWhatThePathTakes() {
        assertEquals("GET", GoogleSignInResource.allowedOn(BASE));
        assertEquals("GET", GoogleSignInResource.allowedOn(BASE + "/callback"));
        assertEquals("POST", GoogleSignInResource.allowedOn(BASE + "/token"));
    }
}
