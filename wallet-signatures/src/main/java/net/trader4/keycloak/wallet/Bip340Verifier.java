package net.trader4.keycloak.wallet;

import java.math.BigInteger;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/** BIP-340 Schnorr signature verification over secp256k1 with x-only public keys. */
final class Bip340Verifier {

    private Bip340Verifier() {
    }

    /**
     * @param publicKey 32-byte x-only public key
     * @param message   the message, any length (Taproot passes a 32-byte sighash)
     * @param signature 64 bytes: R.x then s
     */
    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != 32 || signature.length != 64) {
            return false;
        }
        ECPoint p = Secp256k1.liftX(new BigInteger(1, publicKey));
        if (p == null) {
            return false;
        }
        BigInteger r = Bytes.unsigned(signature, 0, 32);
        BigInteger s = Bytes.unsigned(signature, 32, 64);
        if (r.compareTo(Secp256k1.P) >= 0 || s.compareTo(Secp256k1.N) >= 0) {
            return false;
        }
        BigInteger e = new BigInteger(1, WalletHashes.taggedHash("BIP0340/challenge",
                Bytes.slice(signature, 0, 32), publicKey, message)).mod(Secp256k1.N);
        // R = s*G - e*P
        ECPoint rPoint = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.G, s, p, e.negate().mod(Secp256k1.N)).normalize();
        return !rPoint.isInfinity()
                && !rPoint.getAffineYCoord().testBitZero()
                && rPoint.getAffineXCoord().toBigInteger().equals(r);
    }
}
