package net.trader4.keycloak.common.origin;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInOriginTest {

    private static final URI KEYCLOAK_BASE = URI.create("https://login.example.com/");
    private static final Supplier<URI> BASE = () -> KEYCLOAK_BASE;

    @Test
    void noHostnameAndNoFrontendUrlMeansNoOrigin() {
        assertTrue(SignInOrigin.choose(null, null, false, BASE).isEmpty());
        assertTrue(SignInOrigin.choose(" ", "", false, BASE).isEmpty(), "blank is not set");
    }

    @Test
    void eitherSettingMakesKeycloaksFrontendBaseTheOrigin() {
        assertEquals(Optional.of(KEYCLOAK_BASE), SignInOrigin.choose(null, "login.example.com", false, BASE));
        assertEquals(Optional.of(KEYCLOAK_BASE), SignInOrigin.choose("https://login.example.com", null, false, BASE));
    }

    @Test
    void aRealmThatTrustsTheRequestHostTakesItWithoutConfiguration() {
        assertEquals(Optional.of(KEYCLOAK_BASE), SignInOrigin.choose(null, null, true, BASE));
    }

    @Test
    void theRequestIsNotAskedWhenThereIsNoOrigin() {
        assertTrue(SignInOrigin.choose(null, null, false, () -> {
            throw new AssertionError("the request's base was read");
        }).isEmpty());
    }
}
