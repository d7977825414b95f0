package net.trader4.keycloak.wallet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.Hex;

/**
 * A throw-away key that signs the way wallets do, so that tests can sign fresh challenges.
 * Test code only: it holds a private key in memory.
 */
final class TestWallet {

    private static final SecureRandom RANDOM = new SecureRandom();

    final BigInteger privateKey;
    final ECPoint publicKey;

    TestWallet(BigInteger privateKey) {
        this.privateKey = privateKey;
        this.publicKey = Secp256k1.G.multiply(privateKey).normalize();
    }

    static TestWallet fresh() {
        BigInteger d;
        do {
            d = new BigInteger(256, RANDOM);
        } while (!Secp256k1.isScalar(d));
        return new TestWallet(d);
    }

    // ---- addresses -------------------------------------------------------------------------

    String ethereumAddress() {
        byte[] uncompressed = publicKey.getEncoded(false);
        KeccakDigest keccak = new KeccakDigest(256);
        keccak.update(uncompressed, 1, 64);
        byte[] hash = new byte[32];
        keccak.doFinal(hash, 0);
        return Eip55.checksummed(Hex.toHexString(hash, 12, 20));
    }

    String p2pkhAddress(boolean compressed) {
        return Base58Check.encode(Bytes.concat(new byte[] {0x00}, WalletHashes.hash160(publicKey.getEncoded(compressed))));
    }

    String p2shP2wpkhAddress() {
        byte[] redeemScript = Bytes.concat(new byte[] {0x00, 0x14}, WalletHashes.hash160(publicKey.getEncoded(true)));
        return Base58Check.encode(Bytes.concat(new byte[] {0x05}, WalletHashes.hash160(redeemScript)));
    }

    String p2wpkhAddress() {
        return Bech32.encodeSegwit("bc", 0, WalletHashes.hash160(publicKey.getEncoded(true)));
    }

    /** BIP-86 single-key Taproot address: internal key tweaked with no script tree. */
    String p2trAddress() {
        return Bech32.encodeSegwit("bc", 1, xOnly(Secp256k1.G.multiply(taprootOutputKey()).normalize()));
    }

    // ---- signing ---------------------------------------------------------------------------

    /** EIP-191 personal_sign, hex with 0x, v = 27/28. */
    String personalSign(String message) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = ("\u0019Ethereum Signed Message:\n" + body.length).getBytes(StandardCharsets.UTF_8);
        KeccakDigest keccak = new KeccakDigest(256);
        keccak.update(prefix, 0, prefix.length);
        keccak.update(body, 0, body.length);
        byte[] hash = new byte[32];
        keccak.doFinal(hash, 0);
        BigInteger[] rs = signLowS(hash);
        int recoveryId = recoveryId(hash, rs, publicKey);
        return "0x" + Hex.toHexString(Bytes.concat(Bytes.to32(rs[0]), Bytes.to32(rs[1]), new byte[] {(byte) (27 + recoveryId)}));
    }

    /** Bitcoin Signed Message with the given BIP-137 header base (27, 31, 35 or 39). */
    String bip137Sign(String message, int headerBase) {
        byte[] hash = Bip137Verifier.messageHash(message);
        BigInteger[] rs = signLowS(hash);
        int recoveryId = recoveryId(hash, rs, publicKey);
        byte[] signature = Bytes.concat(new byte[] {(byte) (headerBase + recoveryId)}, Bytes.to32(rs[0]), Bytes.to32(rs[1]));
        return Base64.getEncoder().encodeToString(signature);
    }

    /** BIP-322 simple P2WPKH witness {DER signature + SIGHASH_ALL, compressed key}, base64 with {@code smp}. */
    String bip322P2wpkhSign(String message) {
        byte[] keyHash = WalletHashes.hash160(publicKey.getEncoded(true));
        byte[] scriptPubKey = Bytes.concat(new byte[] {0x00, 0x14}, keyHash);
        byte[] toSpend = Bip322Transactions.toSpendTxid(scriptPubKey, Bip322Transactions.messageHash(message));
        BigInteger[] rs = signLowS(Bip322Transactions.p2wpkhSighash(keyHash, toSpend));
        byte[] der = derEncode(rs);
        return "smp" + witness(Bytes.concat(der, new byte[] {0x01}), publicKey.getEncoded(true));
    }

    /** BIP-322 simple Taproot key-path witness {64-byte Schnorr signature}, base64 with {@code smp}. */
    String bip322P2trSign(String message, boolean explicitSighashAll) {
        BigInteger outputKey = taprootOutputKey();
        byte[] scriptPubKey = Bytes.concat(new byte[] {0x51, 0x20}, xOnly(Secp256k1.G.multiply(outputKey).normalize()));
        byte[] toSpend = Bip322Transactions.toSpendTxid(scriptPubKey, Bip322Transactions.messageHash(message));
        int hashType = explicitSighashAll ? 1 : 0;
        byte[] sighash = Bip322Transactions.taprootKeyPathSighash(scriptPubKey, toSpend, hashType);
        byte[] aux = new byte[32];
        RANDOM.nextBytes(aux);
        byte[] signature = schnorrSign(outputKey, sighash, aux);
        return "smp" + witness(explicitSighashAll ? Bytes.concat(signature, new byte[] {0x01}) : signature);
    }

    // ---- primitives ------------------------------------------------------------------------

    BigInteger[] signLowS(byte[] hash) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(privateKey, Secp256k1.DOMAIN));
        BigInteger[] rs = signer.generateSignature(hash);
        if (Secp256k1.isHighS(rs[1])) {
            rs[1] = Secp256k1.N.subtract(rs[1]);
        }
        return rs;
    }

    static int recoveryId(byte[] hash, BigInteger[] rs, ECPoint expected) {
        for (int id = 0; id < 4; id++) {
            ECPoint candidate = Secp256k1.recoverPublicKey(rs[0], rs[1], id, hash);
            if (candidate != null && candidate.equals(expected)) {
                return id;
            }
        }
        throw new IllegalStateException("no recovery id");
    }

    static byte[] derEncode(BigInteger[] rs) {
        try {
            return StandardDSAEncoding.INSTANCE.encode(Secp256k1.N, rs[0], rs[1]);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String witness(byte[]... items) {
        TxWriter writer = new TxWriter().compactSize(items.length);
        for (byte[] item : items) {
            writer.varBytes(item);
        }
        return Base64.getEncoder().encodeToString(writer.toByteArray());
    }

    /** BIP-86: d' = d + H_TapTweak(P) with P the even-y internal key, negated if Q has odd y. */
    BigInteger taprootOutputKey() {
        BigInteger d = publicKey.getAffineYCoord().testBitZero() ? Secp256k1.N.subtract(privateKey) : privateKey;
        ECPoint internal = Secp256k1.G.multiply(d).normalize();
        BigInteger tweak = new BigInteger(1, WalletHashes.taggedHash("TapTweak", xOnly(internal)));
        return d.add(tweak).mod(Secp256k1.N);
    }

    /** BIP-340 signing, the reference algorithm; used to test the verifier against fresh keys. */
    static byte[] schnorrSign(BigInteger secret, byte[] message, byte[] aux) {
        ECPoint p = Secp256k1.G.multiply(secret).normalize();
        BigInteger d = p.getAffineYCoord().testBitZero() ? Secp256k1.N.subtract(secret) : secret;
        byte[] t = Bytes.to32(d);
        byte[] auxHash = WalletHashes.taggedHash("BIP0340/aux", aux);
        for (int i = 0; i < 32; i++) {
            t[i] ^= auxHash[i];
        }
        BigInteger k0 = new BigInteger(1, WalletHashes.taggedHash("BIP0340/nonce", t, xOnly(p), message)).mod(Secp256k1.N);
        ECPoint r = Secp256k1.G.multiply(k0).normalize();
        BigInteger k = r.getAffineYCoord().testBitZero() ? Secp256k1.N.subtract(k0) : k0;
        BigInteger e = new BigInteger(1, WalletHashes.taggedHash("BIP0340/challenge", xOnly(r), xOnly(p), message)).mod(Secp256k1.N);
        return Bytes.concat(xOnly(r), Bytes.to32(k.add(e.multiply(d)).mod(Secp256k1.N)));
    }

    static byte[] xOnly(ECPoint point) {
        return Bytes.to32(point.getAffineXCoord().toBigInteger());
    }
}
