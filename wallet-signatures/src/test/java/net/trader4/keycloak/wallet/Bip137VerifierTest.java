package net.trader4.keycloak.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import net.trader4.keycloak.wallet.WalletSignatureResult.Outcome;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bitcoin Signed Message signatures, against the bitcoinjs-message fixtures and fresh keys. */
class Bip137VerifierTest {

    private static final JsonNode FIXTURES = WalletVectors.json("bitcoinjs-message_fixtures.json");

    record Case(String label, String address, String message, String signature) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static WalletSignatureResult verify(String address, String message, String signature) throws Exception {
        return WalletSignatureVerifier.verify(WalletAddressParser.parse(address), message, signature);
    }

    static Stream<Case> validFixtures() {
        List<Case> cases = new ArrayList<>();
        for (JsonNode v : FIXTURES.get("valid").get("verify")) {
            if (!"bitcoin".equals(v.get("network").asText())) {
                continue;
            }
            String message = v.get("message").asText();
            cases.add(new Case("uncompressed P2PKH", v.get("address").asText(), message, v.get("signature").asText()));
            cases.add(new Case("compressed P2PKH", v.get("compressed").get("address").asText(), message,
                    v.get("compressed").get("signature").asText()));
            cases.add(new Case("P2SH-P2WPKH header", v.get("segwit").get("P2SH_P2WPKH").get("address").asText(), message,
                    v.get("segwit").get("P2SH_P2WPKH").get("signature").asText()));
            cases.add(new Case("P2WPKH header", v.get("segwit").get("P2WPKH").get("address").asText(), message,
                    v.get("segwit").get("P2WPKH").get("signature").asText()));
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("validFixtures")
    void validFixturesVerify(Case c) throws Exception {
        WalletSignatureResult result = verify(c.address(), c.message(), c.signature());
        assertEquals(Outcome.VALID, result.outcome(), result.message());
    }

    static Stream<Case> invalidFixtures() {
        List<Case> cases = new ArrayList<>();
        for (JsonNode v : FIXTURES.get("invalid").get("verify")) {
            cases.add(new Case(v.get("description").asText(), v.get("address").asText(), v.get("message").asText(),
                    v.get("signature").asText()));
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("invalidFixtures")
    void invalidFixturesAreInvalid(Case c) throws Exception {
        assertEquals(Outcome.INVALID, verify(c.address(), c.message(), c.signature()).outcome());
    }

    /** Bad header byte (43) and wrong lengths: not a BIP-137 signature and not a witness either. */
    @Test
    void invalidSignatureFixturesAreMalformed() throws Exception {
        for (JsonNode v : FIXTURES.get("invalid").get("signature")) {
            String base64 = Base64.getEncoder().encodeToString(Hex.decode(v.get("hex").asText()));
            assertEquals(Outcome.MALFORMED, verify("1PMycacnJaSqwwJqjawXBErnLsZ7RkXUAs", "vires is numeris", base64).outcome(),
                    v.get("exception").asText());
        }
    }

    @Test
    void magicHashFixtures() {
        for (JsonNode v : FIXTURES.get("valid").get("magicHash")) {
            if ("bitcoin".equals(v.get("network").asText())) {
                assertEquals(v.get("magicHash").asText(), Hex.toHexString(Bip137Verifier.messageHash(v.get("message").asText())));
            }
        }
    }

    /**
     * The "sign" fixture is key d = 1 signing with every header kind; the compressed legacy
     * header must also prove the segwit addresses of that key (Electrum does this).
     */
    @Test
    void signFixtureForKeyOneProvesEveryAddressOfThatKey() throws Exception {
        JsonNode sign = FIXTURES.get("valid").get("sign").get(0);
        TestWallet keyOne = new TestWallet(BigInteger.ONE);
        String message = sign.get("message").asText();
        String legacyCompressed = sign.get("compressed").get("signature").asText();
        assertEquals(Outcome.VALID, verify(keyOne.p2pkhAddress(false), message, sign.get("signature").asText()).outcome());
        assertEquals(Outcome.VALID, verify(keyOne.p2pkhAddress(true), message, legacyCompressed).outcome());
        assertEquals(Outcome.VALID, verify(keyOne.p2shP2wpkhAddress(), message, legacyCompressed).outcome());
        assertEquals(Outcome.VALID, verify(keyOne.p2wpkhAddress(), message, legacyCompressed).outcome());
        assertEquals(Outcome.VALID, verify(keyOne.p2shP2wpkhAddress(), message,
                sign.get("segwit").get("P2SH_P2WPKH").get("signature").asText()).outcome());
        assertEquals(Outcome.VALID, verify(keyOne.p2wpkhAddress(), message,
                sign.get("segwit").get("P2WPKH").get("signature").asText()).outcome());
    }

    @Test
    void segwitHeadersAreBoundToTheirAddressType() throws Exception {
        JsonNode sign = FIXTURES.get("valid").get("sign").get(0);
        TestWallet keyOne = new TestWallet(BigInteger.ONE);
        String message = sign.get("message").asText();
        String p2shHeader = sign.get("segwit").get("P2SH_P2WPKH").get("signature").asText();
        String p2wpkhHeader = sign.get("segwit").get("P2WPKH").get("signature").asText();
        assertEquals(Outcome.INVALID, verify(keyOne.p2wpkhAddress(), message, p2shHeader).outcome());
        assertEquals(Outcome.INVALID, verify(keyOne.p2shP2wpkhAddress(), message, p2wpkhHeader).outcome());
        assertEquals(Outcome.INVALID, verify(keyOne.p2pkhAddress(true), message, p2wpkhHeader).outcome());
        assertEquals(Outcome.INVALID, verify(keyOne.p2wpkhAddress(), message, sign.get("signature").asText()).outcome());
    }

    @Test
    void freshKeyEveryHeaderKind() throws Exception {
        TestWallet wallet = TestWallet.fresh();
        String message = "Sign in to trader4";
        assertEquals(Outcome.VALID, verify(wallet.p2pkhAddress(false), message, wallet.bip137Sign(message, 27)).outcome());
        assertEquals(Outcome.VALID, verify(wallet.p2pkhAddress(true), message, wallet.bip137Sign(message, 31)).outcome());
        assertEquals(Outcome.VALID, verify(wallet.p2shP2wpkhAddress(), message, wallet.bip137Sign(message, 35)).outcome());
        assertEquals(Outcome.VALID, verify(wallet.p2wpkhAddress(), message, wallet.bip137Sign(message, 39)).outcome());
        assertEquals(Outcome.VALID, verify(wallet.p2wpkhAddress(), message, wallet.bip137Sign(message, 31)).outcome());
        assertEquals(Outcome.INVALID, verify(wallet.p2pkhAddress(false), message, wallet.bip137Sign(message, 31)).outcome());
        assertEquals(Outcome.INVALID, verify(wallet.p2wpkhAddress(), message, wallet.bip137Sign(message, 27)).outcome());
    }

    @Test
    void taprootAndScriptAddressesAreUnsupported() throws Exception {
        TestWallet wallet = TestWallet.fresh();
        String signature = wallet.bip137Sign("m", 31);
        assertEquals(Outcome.UNSUPPORTED, verify(wallet.p2trAddress(), "m", signature).outcome());
        assertEquals(Outcome.UNSUPPORTED,
                verify("bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3", "m", signature).outcome());
    }

    @Test
    void highSIsRejected() throws Exception {
        TestWallet wallet = TestWallet.fresh();
        byte[] signature = Base64.getDecoder().decode(wallet.bip137Sign("m", 31));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 33, 65));
        System.arraycopy(Bytes.to32(Secp256k1.N.subtract(s)), 0, signature, 33, 32);
        signature[0] = (byte) (31 + (((signature[0] & 0xff) - 31) ^ 1)); // mirrored R: the same key would be recovered
        WalletSignatureResult result = verify(wallet.p2pkhAddress(true), "m", Base64.getEncoder().encodeToString(signature));
        assertEquals(Outcome.INVALID, result.outcome());
        assertEquals("The signature is not in canonical low-s form.", result.message());
    }
}
