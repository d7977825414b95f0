package net.trader4.keycloak.wallet;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** The hash functions Ethereum and Bitcoin build their addresses and signed messages on. */
final class WalletHashes {

    private WalletHashes() {
    }

    static byte[] sha256(byte[]... parts) {
        return digest(new SHA256Digest(), parts);
    }

    static byte[] doubleSha256(byte[]... parts) {
        return sha256(sha256(parts));
    }

    /** RIPEMD-160 of SHA-256: the 20-byte key and script hashes of Bitcoin addresses. */
    static byte[] hash160(byte[] data) {
        return digest(new RIPEMD160Digest(), sha256(data));
    }

    /** Ethereum's Keccak-256 (the pre-standard padding, not SHA3-256). */
    static byte[] keccak256(byte[]... parts) {
        return digest(new KeccakDigest(256), parts);
    }

    /** BIP-340 tagged hash: SHA-256(SHA-256(tag) || SHA-256(tag) || data). */
    static byte[] taggedHash(String tag, byte[]... parts) {
        byte[] tagHash = sha256(tag.getBytes(StandardCharsets.UTF_8));
        byte[][] all = new byte[parts.length + 2][];
        all[0] = tagHash;
        all[1] = tagHash;
        System.arraycopy(parts, 0, all, 2, parts.length);
        return sha256(all);
    }

    private static byte[] digest(Digest digest, byte[]... parts) {
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
