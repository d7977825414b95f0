package net.trader4.keycloak.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import net.trader4.keycloak.wallet.WalletSignatureResult.Outcome;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EthereumPersonalSignTest {

    record SiweVector(String name, JsonNode fields) {
        @Override
        public String toString() {
            return name;
        }

        String address() {
            return fields.get("address").asText();
        }

        String signature() {
            return fields.get("signature").asText();
        }
    }

    /** EIP-4361 text of a spruceid/siwe verification vector: exactly what the wallet signed. */
    static String siweText(JsonNode f) {
        StringBuilder text = new StringBuilder()
                .append(f.get("domain").asText()).append(" wants you to sign in with your Ethereum account:\n")
                .append(f.get("address").asText()).append("\n\n");
        if (f.hasNonNull("statement")) {
            text.append(f.get("statement").asText()).append("\n");
        }
        text.append("\n")
                .append("URI: ").append(f.get("uri").asText()).append('\n')
                .append("Version: ").append(f.get("version").asText()).append('\n')
                .append("Chain ID: ").append(f.get("chainId").asText()).append('\n')
                .append("Nonce: ").append(f.get("nonce").asText()).append('\n')
                .append("Issued At: ").append(f.get("issuedAt").asText());
        if (f.hasNonNull("expirationTime")) {
            text.append("\nExpiration Time: ").append(f.get("expirationTime").asText());
        }
        if (f.hasNonNull("notBefore")) {
            text.append("\nNot Before: ").append(f.get("notBefore").asText());
        }
        return text.toString();
    }

    static Stream<SiweVector> vectors(String file) {
        List<SiweVector> vectors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = WalletVectors.json(file).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            vectors.add(new SiweVector(entry.getKey(), entry.getValue()));
        }
        return vectors.stream();
    }

    static Stream<SiweVector> positive() {
        return vectors("siwe_verification_positive.json");
    }

    static Stream<SiweVector> negative() {
        return vectors("siwe_verification_negative.json");
    }

    private static WalletSignatureResult verify(String address, String message, String signature) throws Exception {
        return WalletSignatureVerifier.verify(WalletAddressParser.parse(address), message, signature);
    }

    /** Includes the vector whose recovery byte is 0x01 rather than 28. */
    @ParameterizedTest
    @MethodSource("positive")
    void siwePositiveVectorsVerify(SiweVector vector) throws Exception {
        WalletSignatureResult result = verify(vector.address(), siweText(vector.fields()), vector.signature());
        assertEquals(Outcome.VALID, result.outcome(), result.message());
    }

    @ParameterizedTest
    @MethodSource("positive")
    void siwePositiveVectorsFailForAnotherMessage(SiweVector vector) throws Exception {
        String message = siweText(vector.fields()).replace("Nonce: ", "Nonce: x");
        assertEquals(Outcome.INVALID, verify(vector.address(), message, vector.signature()).outcome());
    }

    /**
     * The negative vectors: a bad signature is refused here; expiry, nonce, domain and time
     * checks belong to the stored challenge, so for those the signature itself is sound and
     * only the exact stored message (domain, nonce) makes it fail.
     */
    @ParameterizedTest
    @MethodSource("negative")
    void siweNegativeVectors(SiweVector vector) throws Exception {
        String message = siweText(vector.fields());
        WalletSignatureResult result = verify(vector.address(), message, vector.signature());
        switch (vector.name()) {
            case "malformed signature" -> assertEquals(Outcome.MALFORMED, result.outcome());
            case "wrong signature" -> assertEquals(Outcome.INVALID, result.outcome());
            case "domain binding" -> {
                String otherDomain = message.replaceFirst("^login\\.xyz ", vector.fields().get("domainBinding").asText() + " ");
                assertEquals(Outcome.INVALID, verify(vector.address(), otherDomain, vector.signature()).outcome());
            }
            case "custom nonce" -> {
                String otherNonce = message.replace("Nonce: bTyXgcQxn2htgkjJn", "Nonce: " + vector.fields().get("matchNonce").asText());
                assertEquals(Outcome.INVALID, verify(vector.address(), otherNonce, vector.signature()).outcome());
            }
            case "expired message", "not yet valid", "custom time" ->
                    assertEquals(Outcome.VALID, result.outcome(), vector.name() + ": the signature itself is sound");
            case "invalid issuedAt", "invalid notBefore", "invalid expirationTime" -> {
                // Impossible dates (February 31st): our messages are built from Instants, so they never contain one.
                String field = vector.name().substring("invalid ".length());
                assertThrows(DateTimeParseException.class, () -> Instant.parse(vector.fields().get(field).asText()));
            }
            default -> throw new AssertionError("unclassified vector " + vector.name());
        }
    }

    @Test
    void wrongAddressIsInvalid() throws Exception {
        SiweVector vector = positive().findFirst().orElseThrow();
        WalletSignatureResult result = verify("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", siweText(vector.fields()), vector.signature());
        assertEquals(Outcome.INVALID, result.outcome());
    }

    @Test
    void recoveryByteVariantsAndPrefixAreAccepted() throws Exception {
        TestWallet wallet = TestWallet.fresh();
        String message = "hello";
        String signature = wallet.personalSign(message);
        int v = Integer.parseInt(signature.substring(130), 16);
        String body = signature.substring(2, 130);
        for (String variant : List.of(signature, signature.substring(2), signature.toUpperCase().replace("0X", "0x"),
                "0x" + body + String.format("%02x", v - 27), "  " + signature + "\n")) {
            assertEquals(Outcome.VALID, verify(wallet.ethereumAddress(), message, variant).outcome(), variant);
        }
        assertEquals(Outcome.INVALID, verify(wallet.ethereumAddress(), message, "0x" + body + "25").outcome());
        assertEquals(Outcome.INVALID, verify(wallet.ethereumAddress(), message, "0x" + body + "02").outcome());
    }

    @Test
    void highSIsRejected() throws Exception {
        TestWallet wallet = TestWallet.fresh();
        String message = "hello";
        byte[] signature = Hex.decode(wallet.personalSign(message).substring(2));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        byte[] highS = Bytes.to32(Secp256k1.N.subtract(s));
        System.arraycopy(highS, 0, signature, 32, 32);
        signature[64] = (byte) (signature[64] == 27 ? 28 : 27); // same key, mirrored R
        WalletSignatureResult result = verify(wallet.ethereumAddress(), message, "0x" + Hex.toHexString(signature));
        assertEquals(Outcome.INVALID, result.outcome());
        assertEquals("The signature is not in canonical low-s form.", result.message());
    }

    @Test
    void zeroAndOutOfRangeRAndSAreInvalid() throws Exception {
        String address = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        assertEquals(Outcome.INVALID, verify(address, "m", "0x" + "00".repeat(64) + "1b").outcome());
        assertEquals(Outcome.INVALID, verify(address, "m", "0x" + "ff".repeat(32) + "01".repeat(32) + "1b").outcome());
    }

    @Test
    void messageHashMatchesEip191() {
        // keccak256("\x19Ethereum Signed Message:\n11Hello World"), as every web3 library computes it
        assertEquals("a1de988600a42c4b4ab089b619297c17d53cffae5d5120d82d8a92d0bb3b78f2",
                Hex.toHexString(EthereumPersonalSignVerifier.messageHash("Hello World")));
    }
}
