package net.trader4.keycloak.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import net.trader4.keycloak.wallet.WalletSignatureResult.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** End to end: a fresh key signs a freshly built challenge, as a wallet would. */
class WalletSignatureVerifierTest {

    private static final TestWallet WALLET = TestWallet.fresh();

    private static WalletChallengeMessage challenge(String address) throws Exception {
        Instant now = Instant.now();
        return WalletChallengeMessage.builder()
                .domain("login.trader4.net")
                .uri("https://login.trader4.net/realms/trader4")
                .address(WalletAddressParser.parse(address))
                .nonce(WalletChallengeMessage.newNonce())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .build();
    }

    static Stream<Arguments> signers() {
        return Stream.of(
                Arguments.of("EIP-191", WALLET.ethereumAddress(), (BiFunction<TestWallet, String, String>) TestWallet::personalSign),
                Arguments.of("BIP-137 P2PKH", WALLET.p2pkhAddress(true), sign(w -> m -> w.bip137Sign(m, 31))),
                Arguments.of("BIP-137 P2PKH uncompressed", WALLET.p2pkhAddress(false), sign(w -> m -> w.bip137Sign(m, 27))),
                Arguments.of("BIP-137 P2SH-P2WPKH", WALLET.p2shP2wpkhAddress(), sign(w -> m -> w.bip137Sign(m, 35))),
                Arguments.of("BIP-137 P2WPKH", WALLET.p2wpkhAddress(), sign(w -> m -> w.bip137Sign(m, 39))),
                Arguments.of("BIP-137 legacy header on P2WPKH", WALLET.p2wpkhAddress(), sign(w -> m -> w.bip137Sign(m, 31))),
                Arguments.of("BIP-322 P2WPKH", WALLET.p2wpkhAddress(), sign(w -> w::bip322P2wpkhSign)),
                Arguments.of("BIP-322 P2TR", WALLET.p2trAddress(), sign(w -> m -> w.bip322P2trSign(m, false))),
                Arguments.of("BIP-322 P2TR SIGHASH_ALL", WALLET.p2trAddress(), sign(w -> m -> w.bip322P2trSign(m, true))));
    }

    private static BiFunction<TestWallet, String, String> sign(
            java.util.function.Function<TestWallet, java.util.function.Function<String, String>> signer) {
        return (wallet, message) -> signer.apply(wallet).apply(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signers")
    void freshChallengeSignedByFreshKeyVerifies(String kind, String address, BiFunction<TestWallet, String, String> signer)
            throws Exception {
        WalletChallengeMessage message = challenge(address);
        String signature = signer.apply(WALLET, message.text());
        WalletSignatureResult result = WalletSignatureVerifier.verify(message.address(), message.text(), signature);
        assertEquals(Outcome.VALID, result.outcome(), result.message());
        assertTrue(result.isValid());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signers")
    void oneChangedCharacterInTheMessageIsInvalid(String kind, String address, BiFunction<TestWallet, String, String> signer)
            throws Exception {
        WalletChallengeMessage message = challenge(address);
        String signature = signer.apply(WALLET, message.text());
        String text = message.text();
        int at = text.indexOf("Nonce: ") + 7;
        String tampered = text.substring(0, at) + (text.charAt(at) == 'A' ? 'B' : 'A') + text.substring(at + 1);
        assertEquals(Outcome.INVALID, WalletSignatureVerifier.verify(message.address(), tampered, signature).outcome());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signers")
    void oneChangedCharacterInTheSignatureIsNeverValid(String kind, String address, BiFunction<TestWallet, String, String> signer)
            throws Exception {
        WalletChallengeMessage message = challenge(address);
        String signature = signer.apply(WALLET, message.text());
        // Change a character in the middle (inside r or s) and near the end.
        for (int at : new int[] {signature.length() / 2, signature.length() - 5}) {
            char c = signature.charAt(at);
            String changed = signature.substring(0, at) + (c == 'a' ? 'b' : 'a') + signature.substring(at + 1);
            WalletSignatureResult result = WalletSignatureVerifier.verify(message.address(), message.text(), changed);
            assertNotEquals(Outcome.VALID, result.outcome(), "changed at " + at);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signers")
    void anotherKeysAddressIsInvalid(String kind, String address, BiFunction<TestWallet, String, String> signer) throws Exception {
        TestWallet other = TestWallet.fresh();
        WalletChallengeMessage message = challenge(address);
        String signature = signer.apply(other, message.text());
        assertEquals(Outcome.INVALID, WalletSignatureVerifier.verify(message.address(), message.text(), signature).outcome());
    }

    // ---- hostile input -----------------------------------------------------------------------

    static List<String> addresses() {
        return List.of(WALLET.ethereumAddress(), WALLET.p2pkhAddress(true), WALLET.p2shP2wpkhAddress(), WALLET.p2wpkhAddress(),
                WALLET.p2trAddress(), "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "0x", "0x00", "not-valid-base64!!!", "smp", "smp!!!!", "====", "AAAA=",
            "\u0000\u0001", "🦊🦊🦊🦊", "0xzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
            "fooAA==", "smpAAA", "smp AA==", "AA AA==", "AA==\nAA=="})
    void garbageIsMalformedAndNeverThrows(String signature) throws Exception {
        for (String address : addresses()) {
            WalletSignatureResult result = WalletSignatureVerifier.verify(WalletAddressParser.parse(address), "m", signature);
            assertEquals(Outcome.MALFORMED, result.outcome(), address + " " + signature);
        }
    }

    @Test
    void fullFormatPrefixesAreUnsupported() throws Exception {
        for (String signature : new String[] {"ful", "fulAA==", "pofAA==", "ful!!!"}) {
            WalletAddress address = WalletAddressParser.parse(WALLET.p2wpkhAddress());
            assertEquals(Outcome.UNSUPPORTED, WalletSignatureVerifier.verify(address, "m", signature).outcome());
        }
    }

    @Test
    void emptyOrWrongLengthSignaturesAreMalformed() throws Exception {
        WalletAddress ethereum = WalletAddressParser.parse(WALLET.ethereumAddress());
        assertEquals(Outcome.MALFORMED, WalletSignatureVerifier.verify(ethereum, "m", "").outcome());
        assertEquals(Outcome.MALFORMED, WalletSignatureVerifier.verify(ethereum, "m", "0x" + "11".repeat(64)).outcome());
        assertEquals(Outcome.MALFORMED, WalletSignatureVerifier.verify(ethereum, "m", "0x" + "11".repeat(66)).outcome());
        WalletAddress bitcoin = WalletAddressParser.parse(WALLET.p2wpkhAddress());
        assertEquals(Outcome.MALFORMED, WalletSignatureVerifier.verify(bitcoin, "m", "").outcome());
        assertEquals(Outcome.MALFORMED, WalletSignatureVerifier.verify(bitcoin, "m", "not-valid-base64!!!").outcome());
    }

    @Test
    void hugeInputsAreMalformed() throws Exception {
        WalletAddress bitcoin = WalletAddressParser.parse(WALLET.p2wpkhAddress());
        String huge = "A".repeat(10_000_000);
        assertEquals(Outcome.MALFORMED, WalletSignatureVerifier.verify(bitcoin, "m", huge).outcome());
        assertEquals(Outcome.MALFORMED, WalletSignatureVerifier.verify(bitcoin, huge, "AA==").outcome());
        String bigWitness = Base64.getEncoder().encodeToString(new byte[WalletSignatureVerifier.MAX_SIGNATURE_LENGTH]);
        assertEquals(Outcome.MALFORMED, WalletSignatureVerifier.verify(bitcoin, "m", bigWitness).outcome());
    }

    @Test
    void nullsAreMalformed() throws Exception {
        WalletAddress bitcoin = WalletAddressParser.parse(WALLET.p2wpkhAddress());
        assertEquals(Outcome.MALFORMED, WalletSignatureVerifier.verify(null, "m", "AA==").outcome());
        assertEquals(Outcome.MALFORMED, WalletSignatureVerifier.verify(bitcoin, null, "AA==").outcome());
        assertEquals(Outcome.MALFORMED, WalletSignatureVerifier.verify(bitcoin, "m", null).outcome());
    }

    /** Random bytes in every encoding the facade accepts: never an exception, never valid. */
    @Test
    void randomBytesNeverThrowOrVerify() throws Exception {
        Random random = new Random(7);
        for (String address : addresses()) {
            WalletAddress parsed = WalletAddressParser.parse(address);
            for (int i = 0; i < 300; i++) {
                byte[] bytes = new byte[random.nextInt(140)];
                random.nextBytes(bytes);
                if (i % 3 == 0 && bytes.length > 0) {
                    bytes[0] = (byte) (1 + random.nextInt(3)); // plausible witness item count
                }
                if (i % 5 == 0 && bytes.length >= 65) {
                    bytes = java.util.Arrays.copyOf(bytes, 65);
                    bytes[0] = (byte) (27 + random.nextInt(16)); // plausible BIP-137 header
                }
                String base64 = Base64.getEncoder().encodeToString(bytes);
                String hex = "0x" + org.bouncycastle.util.encoders.Hex.toHexString(bytes);
                for (String signature : new String[] {base64, "smp" + base64, hex}) {
                    WalletSignatureResult result = WalletSignatureVerifier.verify(parsed, "m", signature);
                    assertNotEquals(Outcome.VALID, result.outcome());
                }
            }
        }
    }

    @Test
    void resultMessagesNeverEchoTheSignature() throws Exception {
        WalletChallengeMessage message = challenge(WALLET.p2wpkhAddress());
        String signature = WALLET.bip322P2wpkhSign(message.text());
        WalletSignatureResult result = WalletSignatureVerifier.verify(message.address(), "other", signature);
        assertTrue(!result.message().contains(signature.substring(3, 20)));
    }
}
