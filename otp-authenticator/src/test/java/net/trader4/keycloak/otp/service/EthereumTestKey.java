package net.trader4.keycloak.otp.service;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import net.trader4.keycloak.wallet.InvalidWalletAddressException;
import net.trader4.keycloak.wallet.WalletAddress;
import net.trader4.keycloak.wallet.WalletAddressParser;
import net.trader4.keycloak.wallet.WalletSignatureVerifier;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;
import org.bouncycastle.util.encoders.Hex;

/**
 * A throw-away Ethereum key that signs messages as a wallet's {@code personal_sign} does (EIP-191),
 * so that tests can answer the wallet challenges the service writes. Test code only.
 */
final class EthereumTestKey {

    private static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(SECP256K1.getCurve(), SECP256K1.getG(),
            SECP256K1.getN(), SECP256K1.getH());

    private final BigInteger secret;
    private final String address;

    EthereumTestKey() {
        BigInteger n = DOMAIN.getN();
        this.secret = new BigInteger(256, new SecureRandom()).mod(n.subtract(BigInteger.ONE)).add(BigInteger.ONE);
        byte[] publicKey = DOMAIN.getG().multiply(secret).normalize().getEncoded(false);
        this.address = "0x" + Hex.toHexString(keccak(slice(publicKey, 1, publicKey.length)), 12, 20);
    }

    /** The address, lower case, as a user might type it. */
    String address() {
        return address;
    }

    /** {@code personal_sign} of the message: r, s (low) and v, hex with {@code 0x}. */
    String personalSign(String message) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = ("\u0019Ethereum Signed Message:\n" + body.length).getBytes(StandardCharsets.UTF_8);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(secret, DOMAIN));
        BigInteger[] rs = signer.generateSignature(keccak(concat(prefix, body)));
        BigInteger s = rs[1].compareTo(DOMAIN.getN().shiftRight(1)) > 0 ? DOMAIN.getN().subtract(rs[1]) : rs[1];
        String rAndS = Hex.toHexString(BigIntegers.asUnsignedByteArray(32, rs[0]))
                + Hex.toHexString(BigIntegers.asUnsignedByteArray(32, s));
        // The recovery byte is whichever of the two names this key; the verifier under test tells which.
        for (String v : new String[] {"1b", "1c"}) {
            String signature = "0x" + rAndS + v;
            if (WalletSignatureVerifier.verify(parsedAddress(), message, signature).isValid()) {
                return signature;
            }
        }
        throw new IllegalStateException("neither recovery byte names this key");
    }

    private WalletAddress parsedAddress() {
        try {
            return WalletAddressParser.parse(address);
        } catch (InvalidWalletAddressException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] keccak(byte[] data) {
        KeccakDigest digest = new KeccakDigest(256);
        digest.update(data, 0, data.length);
        byte[] hash = new byte[32];
        digest.doFinal(hash, 0);
        return hash;
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
