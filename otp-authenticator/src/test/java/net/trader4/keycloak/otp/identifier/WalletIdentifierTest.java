package net.trader4.keycloak.otp.identifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Wallet identifiers typed at sign-in are validated and stored in canonical form. */
class WalletIdentifierTest {

    private final IdentifierClassifier classifier = new IdentifierClassifier(null);

    @Test
    void walletIdentifiersAreCanonical() throws Exception {
        Identifier ethereum = classifier.classify("  0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed ");
        assertEquals(IdentifierType.WALLET, ethereum.type());
        assertEquals("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", ethereum.value());
        assertEquals("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
                classifier.classify("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4").value());
        assertEquals("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", classifier.classify("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa").value());
    }

    @Test
    void specExampleIsRefused() {
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class, () -> classifier.classify("bc1uw48ht4287287"));
        assertTrue(e.getMessage().contains("not a valid Bitcoin address"), e.getMessage());
    }

    @Test
    void invalidWalletsAreRefused() {
        assertThrows(InvalidIdentifierException.class, () -> classifier.classify("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));
        assertThrows(InvalidIdentifierException.class, () -> classifier.classify("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx"));
        assertThrows(InvalidIdentifierException.class, () -> classifier.classify("bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs"));
    }

    @Test
    void emailsAndPhonesAreUntouched() throws Exception {
        assertEquals(IdentifierType.EMAIL, classifier.classify("Someone@Example.com").type());
        assertEquals(IdentifierType.MOBILE, classifier.classify("+447911123456").type());
    }
}
