package net.trader4.keycloak.wallet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.Stream;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Bip340VerifierTest {

    record Vector(String index, String secretKey, String publicKey, String auxRand, String message, String signature,
            boolean expected, String comment) {
        @Override
        public String toString() {
            return "#" + index + (comment.isEmpty() ? "" : " " + comment);
        }
    }

    static Stream<Vector> vectors() {
        return WalletVectors.text("bip-0340_test-vectors.csv").lines().skip(1).filter(line -> !line.isBlank()).map(line -> {
            String[] f = Arrays.copyOf(line.split(",", -1), 8);
            return new Vector(f[0], f[1], f[2], f[3], f[4], f[5], "TRUE".equals(f[6]), f[7] == null ? "" : f[7]);
        });
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void publishedVectors(Vector vector) {
        assertEquals(vector.expected(), Bip340Verifier.verify(Hex.decode(vector.publicKey()), Hex.decode(vector.message()),
                Hex.decode(vector.signature())));
    }

    /** The test-only signer used for fresh Taproot signatures reproduces the published ones. */
    @ParameterizedTest
    @MethodSource("vectors")
    void testSignerMatchesPublishedSignatures(Vector vector) {
        if (vector.secretKey().isEmpty()) {
            return;
        }
        byte[] signature = TestWallet.schnorrSign(new BigInteger(1, Hex.decode(vector.secretKey())),
                Hex.decode(vector.message()), Hex.decode(vector.auxRand()));
        assertArrayEquals(Hex.decode(vector.signature()), signature);
    }

    @Test
    void freshSignatureVerifiesAndAnyChangedBitFails() {
        TestWallet wallet = TestWallet.fresh();
        BigInteger d = wallet.privateKey;
        byte[] message = "sign in".getBytes();
        byte[] signature = TestWallet.schnorrSign(d, message, new byte[32]);
        byte[] publicKey = TestWallet.xOnly(wallet.publicKey);
        assertTrue(Bip340Verifier.verify(publicKey, message, signature));
        for (int bit = 0; bit < 512; bit += 37) {
            byte[] flipped = signature.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(Bip340Verifier.verify(publicKey, message, flipped), "bit " + bit);
        }
        assertFalse(Bip340Verifier.verify(publicKey, "sign in!".getBytes(), signature));
    }

    @Test
    void wrongLengthsAreRejected() {
        assertFalse(Bip340Verifier.verify(new byte[31], new byte[32], new byte[64]));
        assertFalse(Bip340Verifier.verify(new byte[32], new byte[32], new byte[63]));
        assertFalse(Bip340Verifier.verify(new byte[32], new byte[32], new byte[65]));
    }
}
