package net.trader4.keycloak.qr.request;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QrSecretsTest {

    @Test
    void tokensCarry128RandomBits() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = QrSecrets.newToken();
            assertTrue(QrSecrets.isWellFormedToken(token), token);
            assertEquals(34, token.length());
            tokens.add(token);
        }
        assertEquals(1000, tokens.size());
    }

    @Test
    void malformedTokensAreRecognised() {
        assertFalse(QrSecrets.isWellFormedToken(null));
        assertFalse(QrSecrets.isWellFormedToken("tr44670677563e9edb832e43"));
        assertFalse(QrSecrets.isWellFormedToken("tr" + "G".repeat(32)));
        assertFalse(QrSecrets.isWellFormedToken("../../" + "a".repeat(30)));
    }

    @Test
    void onlyTheIssuedSecretMatches() {
        String secret = QrSecrets.newSecret();
        String hash = QrSecrets.hash(secret);
        assertTrue(QrSecrets.matches(secret, hash));
        assertFalse(QrSecrets.matches(QrSecrets.newSecret(), hash));
        assertFalse(QrSecrets.matches(secret.toUpperCase(), hash));
        assertFalse(QrSecrets.matches("", hash));
        assertFalse(QrSecrets.matches(null, hash));
        assertFalse(QrSecrets.matches(secret, ""), "a request without a secret matches nothing");
    }

    @Test
    void eventIdsDoNotRevealTheToken() {
        String token = QrSecrets.newToken();
        String id = QrSecrets.eventId(token);
        assertEquals(16, id.length());
        assertFalse(token.contains(id));
    }
}
