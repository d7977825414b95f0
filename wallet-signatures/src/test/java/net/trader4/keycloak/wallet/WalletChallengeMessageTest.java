package net.trader4.keycloak.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class WalletChallengeMessageTest {

    private static final Instant ISSUED = Instant.parse("2026-05-04T10:15:30Z");

    private static WalletChallengeMessage.Builder base(String address) throws Exception {
        return WalletChallengeMessage.builder()
                .domain("login.trader4.net")
                .uri("https://login.trader4.net/realms/trader4")
                .address(WalletAddressParser.parse(address))
                .nonce("a1B2c3D4e5F6g7H8i9J0kL")
                .issuedAt(ISSUED)
                .expiresAt(ISSUED.plusSeconds(300));
    }

    @Test
    void ethereumMessageHasTheSiweLayout() throws Exception {
        String text = base("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed").chainId(1L).build().text();
        assertEquals("login.trader4.net wants you to sign in with your Ethereum account:\n"
                + "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\n"
                + "\n"
                + WalletChallengeMessage.DEFAULT_STATEMENT + "\n"
                + "\n"
                + "URI: https://login.trader4.net/realms/trader4\n"
                + "Version: 1\n"
                + "Chain ID: 1\n"
                + "Nonce: a1B2c3D4e5F6g7H8i9J0kL\n"
                + "Issued At: 2026-05-04T10:15:30Z\n"
                + "Expiration Time: 2026-05-04T10:20:30Z", text);
    }

    @Test
    void bitcoinMessageNamesBitcoinAndHasNoChainId() throws Exception {
        WalletChallengeMessage message = base("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4").chainId(5L).build();
        assertTrue(message.text().startsWith("login.trader4.net wants you to sign in with your Bitcoin account:\n"
                + "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4\n\n"));
        assertFalse(message.text().contains("Chain ID"));
        assertNull(message.chainId());
    }

    @Test
    void ethereumChainIdDefaultsToMainnet() throws Exception {
        assertEquals(1L, base("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").build().chainId());
    }

    @Test
    void statementSaysNoFundsMove() {
        assertTrue(WalletChallengeMessage.DEFAULT_STATEMENT.contains("moves no funds"));
    }

    @Test
    void nonceIsLongAlphanumericAndFresh() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String nonce = WalletChallengeMessage.newNonce();
            assertTrue(nonce.matches("[0-9A-Za-z]{22}"), nonce);
            assertTrue(seen.add(nonce));
        }
    }

    @Test
    void badInputsAreRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> base("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").nonce("short").build());
        assertThrows(IllegalArgumentException.class, () -> base("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").nonce("has-dash-123").build());
        assertThrows(IllegalArgumentException.class, () -> base("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").domain("evil.com\nURI: x").build());
        assertThrows(IllegalArgumentException.class, () -> base("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").statement("two\nlines").build());
        assertThrows(IllegalArgumentException.class, () -> base("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").expiresAt(ISSUED).build());
        assertThrows(IllegalArgumentException.class, () -> base("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").chainId(0L).build());
        assertThrows(NullPointerException.class, () -> base("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").uri(null).build());
    }

    /**
     * The spruceid/siwe parsing vectors without optional fields are our layout minus the
     * expiration line: rebuilding them proves the text is EIP-4361 to the byte.
     */
    @Test
    void rebuildsSiweParsingVectors() throws Exception {
        JsonNode vectors = WalletVectors.json("siwe_parsing_positive.json");
        int rebuilt = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = vectors.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> vector = it.next();
            JsonNode fields = vector.getValue().get("fields");
            if (!fields.hasNonNull("statement") || fields.has("resources") || fields.has("expirationTime")
                    || fields.has("notBefore") || fields.has("requestId") || fields.hasNonNull("scheme")) {
                continue;
            }
            Instant issuedAt;
            try {
                issuedAt = Instant.parse(fields.get("issuedAt").asText());
            } catch (RuntimeException notUtc) {
                continue;
            }
            if (!DateTimeFormatter.ISO_INSTANT.format(issuedAt).equals(fields.get("issuedAt").asText())) {
                continue;
            }
            Instant expiresAt = issuedAt.plusSeconds(300);
            WalletChallengeMessage message = WalletChallengeMessage.builder()
                    .domain(fields.get("domain").asText())
                    .uri(fields.get("uri").asText())
                    .address(WalletAddressParser.parse(fields.get("address").asText()))
                    .statement(fields.get("statement").asText())
                    .nonce(fields.get("nonce").asText())
                    .issuedAt(issuedAt)
                    .expiresAt(expiresAt)
                    .chainId(fields.get("chainId").asLong())
                    .build();
            assertEquals(vector.getValue().get("message").asText() + "\nExpiration Time: " + expiresAt,
                    message.text(), vector.getKey());
            rebuilt++;
        }
        assertNotEquals(0, rebuilt);
    }
}
