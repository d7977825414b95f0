package net.trader4.keycloak.otp.challenge;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeHasherTest {

    private static final byte[] KEY = "a realm's secret HMAC key, 32+ bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void rightCodeMatchesWrongCodeDoesNot() {
        String hash = CodeHasher.hash(KEY, "c1", "123456");
        assertTrue(CodeHasher.matches(KEY, "c1", "123456", hash));
        assertFalse(CodeHasher.matches(KEY, "c1", "123457", hash));
    }

    @Test
    void hashIsBoundToKeyAndChallenge() {
        String hash = CodeHasher.hash(KEY, "c1", "123456");
        assertFalse(CodeHasher.matches(KEY, "c2", "123456", hash), "not movable to another challenge");
        assertFalse(CodeHasher.matches("another key entirely, 32 bytes long".getBytes(StandardCharsets.UTF_8), "c1", "123456", hash));
        assertNotEquals(hash, CodeHasher.hash(KEY, "c2", "123456"));
    }

    @Test
    void hashNeverContainsTheCode() {
        assertFalse(CodeHasher.hash(KEY, "c1", "123456").contains("123456"));
    }
}
