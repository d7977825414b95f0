package net.trader4.keycloak.rest.google;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GoogleSignInStateTest {

    private static final String PUBLIC_CALLBACK = "https://api.example.com/v1/oauth/google/callback";
    private static final String KEYCLOAK_CALLBACK = "https://login.example.com/realms/trader4/trader4/v1/oauth/google/callback";

    @Test
    void theCallbackTheSignInStartedWithIsTheOneItsCodeIsRedeemedWith() {
        GoogleSignInState started = new GoogleSignInState("verifier", "", "", "", PUBLIC_CALLBACK);
        GoogleSignInState stored = GoogleSignInState.fromNotes(started.toNotes());
        assertEquals(started, stored);
        assertEquals(PUBLIC_CALLBACK, stored.callbackOr(KEYCLOAK_CALLBACK), "a setting changed meanwhile does not break the sign-in");
    }

    @Test
    void aStateStoredWithoutACallbackTakesTheCurrentOne() {
        Map<String, String> older = new HashMap<>(new GoogleSignInState("verifier", "", "", "", "").toNotes());
        older.remove("callback");
        assertEquals(KEYCLOAK_CALLBACK, GoogleSignInState.fromNotes(older).callbackOr(KEYCLOAK_CALLBACK));
    }
}
