package net.trader4.keycloak.wallet;

import java.math.BigInteger;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The curve both chains sign on, and the operations BouncyCastle does not offer as such:
 * public-key recovery, BIP-340 {@code lift_x}, strict point decoding. Every method answers
 * {@code null} or {@code false} for bad input instead of throwing.
 */
final class Secp256k1 {

    private static final X9ECParameters PARAMETERS = CustomNamedCurves.getByName("secp256k1");
    static final ECCurve CURVE = PARAMETERS.getCurve();
    static final ECPoint G = PARAMETERS.getG();
    static final BigInteger N = PARAMETERS.getN();
    static final BigInteger P = CURVE.getField().getCharacteristic();
    static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE, G, N, PARAMETERS.getH());

    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final BigInteger SEVEN = BigInteger.valueOf(7);
    private static final BigInteger SQRT_EXPONENT = P.add(BigInteger.ONE).shiftRight(2);

    private Secp256k1() {
    }

    /** Bitcoin's and Ethereum's rule against malleated signatures: s must be in the lower half. */
    static boolean isHighS(BigInteger s) {
        return s.compareTo(HALF_N) > 0;
    }

    static boolean isScalar(BigInteger value) {
        return value.signum() > 0 && value.compareTo(N) < 0;
    }

    /** BIP-340 {@code lift_x}: the point with this x and an even y, or {@code null}. */
    static ECPoint liftX(BigInteger x) {
        if (x.signum() < 0 || x.compareTo(P) >= 0) {
            return null;
        }
        BigInteger c = x.modPow(BigInteger.valueOf(3), P).add(SEVEN).mod(P);
        BigInteger y = c.modPow(SQRT_EXPONENT, P);
        if (!y.multiply(y).mod(P).equals(c)) {
            return null;
        }
        if (y.testBit(0)) {
            y = P.subtract(y);
        }
        return CURVE.createPoint(x, y);
    }

    /** A SEC1 compressed (33 bytes) or uncompressed (65 bytes) public key, or {@code null}. */
    static ECPoint decodePublicKey(byte[] encoded) {
        boolean compressed = encoded.length == 33 && (encoded[0] == 0x02 || encoded[0] == 0x03);
        boolean uncompressed = encoded.length == 65 && encoded[0] == 0x04;
        if (!compressed && !uncompressed) {
            return null;
        }
        try {
            ECPoint point = CURVE.decodePoint(encoded);
            return point.isInfinity() || !point.isValid() ? null : point.normalize();
        } catch (IllegalArgumentException notOnCurve) {
            return null;
        }
    }

    /**
     * The public key that produced ECDSA signature (r, s) over {@code hash}, given the recovery id
     * the signer published (SEC 1 v2, section 4.1.6); {@code null} if there is none.
     */
    static ECPoint recoverPublicKey(BigInteger r, BigInteger s, int recoveryId, byte[] hash) {
        if (!isScalar(r) || !isScalar(s) || recoveryId < 0 || recoveryId > 3 || hash.length != 32) {
            return null;
        }
        BigInteger x = recoveryId >= 2 ? r.add(N) : r;
        ECPoint rPoint = liftX(x);
        if (rPoint == null) {
            return null;
        }
        if (rPoint.getAffineYCoord().testBitZero() != ((recoveryId & 1) == 1)) {
            rPoint = rPoint.negate();
        }
        BigInteger e = new BigInteger(1, hash);
        BigInteger rInverse = r.modInverse(N);
        BigInteger u1 = e.negate().multiply(rInverse).mod(N);
        BigInteger u2 = s.multiply(rInverse).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(G, u1, rPoint, u2).normalize();
        return q.isInfinity() ? null : q;
    }

    static boolean verifyEcdsa(ECPoint publicKey, byte[] hash, BigInteger r, BigInteger s) {
        if (!isScalar(r) || !isScalar(s)) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(publicKey, DOMAIN));
        return verifier.verifySignature(hash, r, s);
    }
}
