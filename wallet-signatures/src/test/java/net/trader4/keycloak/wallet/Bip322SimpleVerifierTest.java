package net.trader4.keycloak.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import net.trader4.keycloak.wallet.WalletSignatureResult.Outcome;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Bip322SimpleVerifierTest {

    private static final JsonNode BASIC = WalletVectors.json("bip-0322_basic-test-vectors.json");
    private static final JsonNode GENERATED = WalletVectors.json("bip-0322_generated-test-vectors.json");
    private static final String P2WPKH = "bc1q9vza2e8x573nczrlzms0wvx3gsqjx7vavgkx0l";

    record Case(String label, String address, String message, String signature, Outcome expected) {
        @Override
        public String toString() {
            return label + " -> " + expected;
        }
    }

    private static WalletSignatureResult verify(String address, String message, String signature) throws Exception {
        return WalletSignatureVerifier.verify(WalletAddressParser.parse(address), message, signature);
    }

    private static String reversedHex(byte[] hash) {
        return Hex.toHexString(Arrays.reverse(hash));
    }

    @Test
    void transactionHashVectors() throws Exception {
        for (JsonNode v : BASIC.get("tx_hashes")) {
            WalletAddress address = WalletAddressParser.parse(v.get("address").asText());
            byte[] messageHash = Bip322Transactions.messageHash(v.get("message").asText());
            assertEquals(v.get("message_hash").asText(), Hex.toHexString(messageHash));
            byte[] toSpend = Bip322Transactions.toSpendTxid(address.scriptPubKey(), messageHash);
            assertEquals(v.get("to_spend_tx_hash").asText(), reversedHex(toSpend));
            assertEquals(v.get("to_sign_tx_hash").asText(), reversedHex(Bip322Transactions.toSignTxid(toSpend)));
        }
    }

    /** Simple-format vectors: single-key types verify, P2WSH multisig is reported as unsupported. */
    static Stream<Case> simpleVectors() {
        List<Case> cases = new ArrayList<>();
        for (JsonNode file : List.of(BASIC, GENERATED)) {
            for (JsonNode v : file.get("simple")) {
                String type = v.get("type").asText();
                Outcome expected = type.startsWith("p2wsh") ? Outcome.UNSUPPORTED : Outcome.VALID;
                for (JsonNode signature : v.get("bip322_signatures")) {
                    cases.add(new Case(type + " \"" + v.get("message").asText() + "\"", v.get("address").asText(),
                            v.get("message").asText(), signature.asText(), expected));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("simpleVectors")
    void simpleVectorsVerify(Case c) throws Exception {
        WalletSignatureResult result = verify(c.address(), c.message(), c.signature());
        assertEquals(c.expected(), result.outcome(), result.message());
    }

    /** Full and proof-of-funds vectors: a clear "unsupported", never valid. */
    static Stream<Case> fullVectors() {
        List<Case> cases = new ArrayList<>();
        for (String section : List.of("full", "proof_of_funds")) {
            for (JsonNode v : GENERATED.get(section)) {
                cases.add(new Case(section + " " + v.get("type").asText(), v.get("address").asText(), v.get("message").asText(),
                        v.get("bip322_signatures").get(0).asText(), Outcome.UNSUPPORTED));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("fullVectors")
    void fullVectorsAreUnsupported(Case c) throws Exception {
        WalletSignatureResult result = verify(c.address(), c.message(), c.signature());
        assertEquals(c.expected(), result.outcome(), result.message());
    }

    /**
     * Error vectors. Wrong message or signer fails as invalid; for P2WSH the witness script is
     * checked against the address first (wrong signer: invalid) but cannot be run (wrong
     * message: unsupported); full-format ones are unsupported; undecodable ones malformed.
     */
    static Stream<Case> errorVectors() {
        List<Case> cases = new ArrayList<>();
        for (JsonNode file : List.of(BASIC, GENERATED)) {
            for (JsonNode v : file.get("error")) {
                String description = v.get("description").asText();
                String signature = v.get("signature").asText();
                Outcome expected;
                if (signature.startsWith("ful") || signature.startsWith("pof")) {
                    expected = Outcome.UNSUPPORTED;
                } else if (description.contains("base64") || description.contains("empty signature")
                        || description.contains("invalid signature prefix")) {
                    expected = Outcome.MALFORMED;
                } else if (description.contains("p2wsh") && description.startsWith("wrong message")) {
                    expected = Outcome.UNSUPPORTED;
                } else {
                    expected = Outcome.INVALID;
                }
                cases.add(new Case(description, v.get("address").asText(), v.get("message").asText(), signature, expected));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("errorVectors")
    void errorVectorsFail(Case c) throws Exception {
        WalletSignatureResult result = verify(c.address(), c.message(), c.signature());
        assertEquals(c.expected(), result.outcome(), result.message());
    }

    // ---- hand-made negatives from one valid P2WPKH vector ---------------------------------

    /** Witness items of the published P2WPKH signature for the empty message. */
    private static byte[][] p2wpkhItems() {
        JsonNode v = BASIC.get("simple").get(0);
        byte[] witness = Base64.getDecoder().decode(v.get("bip322_signatures").get(0).asText().substring(3));
        try {
            WitnessStack stack = WitnessStack.parse(witness);
            return new byte[][] {stack.item(0), stack.item(1)};
        } catch (MalformedSignatureException e) {
            throw new AssertionError(e);
        }
    }

    private static WalletSignatureResult p2wpkhWith(byte[]... items) throws Exception {
        return verify(P2WPKH, "", TestWallet.witness(items));
    }

    @Test
    void untouchedItemsVerify() throws Exception {
        byte[][] items = p2wpkhItems();
        assertEquals(Outcome.VALID, p2wpkhWith(items).outcome());
    }

    @Test
    void wrongSighashByteIsInvalid() throws Exception {
        byte[][] items = p2wpkhItems();
        for (int sighash : new int[] {0x00, 0x02, 0x03, 0x81}) {
            byte[] signature = items[0].clone();
            signature[signature.length - 1] = (byte) sighash;
            WalletSignatureResult result = p2wpkhWith(signature, items[1]);
            assertEquals(Outcome.INVALID, result.outcome());
            assertEquals("BIP-322 signatures must use SIGHASH_ALL.", result.message());
        }
    }

    @Test
    void badDerIsInvalid() throws Exception {
        byte[][] items = p2wpkhItems();
        byte[] der = Arrays.copyOf(items[0], items[0].length - 1);
        List<byte[]> broken = List.of(
                Arrays.concatenate(new byte[] {0x31}, Arrays.copyOfRange(der, 1, der.length)), // not a sequence
                Arrays.concatenate(der, new byte[] {0x00}),                                   // trailing byte
                Arrays.copyOf(der, der.length - 1),                                           // truncated
                padR(der));                                                                   // needless zero
        for (byte[] bad : broken) {
            WalletSignatureResult result = p2wpkhWith(Arrays.concatenate(bad, new byte[] {0x01}), items[1]);
            assertEquals(Outcome.INVALID, result.outcome());
            assertEquals("The ECDSA signature is not strictly DER-encoded.", result.message());
        }
    }

    /** Re-encodes R with an extra leading zero byte: same number, not minimal DER. */
    private static byte[] padR(byte[] der) {
        int lengthR = der[3];
        byte[] r = Arrays.copyOfRange(der, 4, 4 + lengthR);
        byte[] rest = Arrays.copyOfRange(der, 4 + lengthR, der.length);
        byte[] body = Arrays.concatenate(new byte[] {0x02, (byte) (lengthR + 1), 0x00}, r, rest);
        return Arrays.concatenate(new byte[] {0x30, (byte) body.length}, body);
    }

    @Test
    void highSIsInvalid() throws Exception {
        byte[][] items = p2wpkhItems();
        DerSignature der = DerSignature.parseStrict(Arrays.copyOf(items[0], items[0].length - 1));
        byte[] highS = TestWallet.derEncode(new BigInteger[] {der.r(), Secp256k1.N.subtract(der.s())});
        WalletSignatureResult result = p2wpkhWith(Arrays.concatenate(highS, new byte[] {0x01}), items[1]);
        assertEquals(Outcome.INVALID, result.outcome());
        assertEquals("The signature is not in canonical low-s form.", result.message());
    }

    @Test
    void wrongWitnessShapesAreInvalid() throws Exception {
        byte[][] items = p2wpkhItems();
        assertEquals(Outcome.INVALID, p2wpkhWith(items[0]).outcome());
        assertEquals(Outcome.INVALID, p2wpkhWith(items[0], items[1], items[1]).outcome());
        assertEquals(Outcome.INVALID, p2wpkhWith(new byte[0], items[1]).outcome());
        byte[] otherKey = new TestWallet(BigInteger.TWO).publicKey.getEncoded(true);
        assertEquals(Outcome.INVALID, p2wpkhWith(items[0], otherKey).outcome());
        assertEquals(Outcome.INVALID, p2wpkhWith(items[0], new TestWallet(BigInteger.TWO).publicKey.getEncoded(false)).outcome());
    }

    @Test
    void legacyAndP2shAddressesAreUnsupportedUnderBip322() throws Exception {
        TestWallet wallet = TestWallet.fresh();
        String witness = wallet.bip322P2wpkhSign("m");
        assertEquals(Outcome.UNSUPPORTED, verify(wallet.p2pkhAddress(true), "m", witness).outcome());
        assertEquals(Outcome.UNSUPPORTED, verify(wallet.p2shP2wpkhAddress(), "m", witness).outcome());
    }

    // ---- Taproot ----------------------------------------------------------------------------

    @Test
    void taprootSighashByteRules() throws Exception {
        TestWallet wallet = TestWallet.fresh();
        String address = wallet.p2trAddress();
        String withAll = wallet.bip322P2trSign("m", true);
        assertEquals(Outcome.VALID, verify(address, "m", withAll).outcome());
        byte[] signature = WitnessStack.parse(Base64.getDecoder().decode(withAll.substring(3))).item(0);
        for (int sighash : new int[] {0x00, 0x02, 0x03, 0x81, 0x83}) {
            byte[] changed = signature.clone();
            changed[64] = (byte) sighash;
            WalletSignatureResult result = verify(address, "m", "smp" + TestWallet.witness(changed));
            assertEquals(Outcome.INVALID, result.outcome());
            assertEquals("BIP-322 signatures must use SIGHASH_DEFAULT or SIGHASH_ALL.", result.message());
        }
        // A 64-byte signature commits to SIGHASH_DEFAULT: stripping the ALL byte breaks it.
        assertEquals(Outcome.INVALID, verify(address, "m", "smp" + TestWallet.witness(Arrays.copyOf(signature, 64))).outcome());
    }

    @Test
    void taprootWrongLengthsAndScriptPathsAndAnnex() throws Exception {
        TestWallet wallet = TestWallet.fresh();
        String address = wallet.p2trAddress();
        byte[] signature = WitnessStack.parse(Base64.getDecoder().decode(wallet.bip322P2trSign("m", false).substring(3))).item(0);
        assertEquals(Outcome.INVALID, verify(address, "m", "smp" + TestWallet.witness(Arrays.copyOf(signature, 63))).outcome());
        assertEquals(Outcome.INVALID, verify(address, "m", "smp" + TestWallet.witness(new byte[66])).outcome());
        assertEquals(Outcome.INVALID, verify(address, "m", "smpAA==").outcome());
        byte[] script = {0x51};
        byte[] controlBlock = new byte[33];
        controlBlock[0] = (byte) 0xc0;
        assertEquals(Outcome.UNSUPPORTED, verify(address, "m", "smp" + TestWallet.witness(signature, script, controlBlock)).outcome());
        assertEquals(Outcome.UNSUPPORTED, verify(address, "m", "smp" + TestWallet.witness(signature, new byte[] {0x50, 0x01})).outcome());
    }

    @Test
    void malformedWitnessEncodings() throws Exception {
        byte[][] items = p2wpkhItems();
        byte[] good = Base64.getDecoder().decode(TestWallet.witness(items));
        List<byte[]> broken = List.of(
                Arrays.concatenate(good, new byte[] {0x00}),                        // trailing byte
                Arrays.copyOf(good, good.length - 1),                               // truncated
                new byte[] {(byte) 0xfd, 0x01, 0x00, 0x00},                         // non-canonical count
                new byte[] {(byte) 0xff, -1, -1, -1, -1, -1, -1, -1, 0x7f},         // absurd count
                new byte[] {0x01, (byte) 0xfe, -1, -1, -1, -1});                    // absurd item length
        for (byte[] bad : broken) {
            assertEquals(Outcome.MALFORMED, verify(P2WPKH, "", Base64.getEncoder().encodeToString(bad)).outcome());
        }
    }
}
