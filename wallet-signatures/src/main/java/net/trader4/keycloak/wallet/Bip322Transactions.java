package net.trader4.keycloak.wallet;

import java.nio.charset.StandardCharsets;

/**
 * The two virtual transactions of BIP-322 ({@code to_spend} paying to the address and
 * committing to the message, {@code to_sign} spending it) and the signature hashes a wallet
 * signs for them. All fields take the BIP's default values: version 0, lock time 0,
 * sequence 0, amounts 0.
 */
final class Bip322Transactions {

    private static final byte[] NULL_TXID = new byte[32];
    private static final long NO_PREVOUT_INDEX = 0xffffffffL;
    private static final byte[] OP_RETURN_SCRIPT = {0x6a};
    private static final int SIGHASH_ALL = 0x01;

    private Bip322Transactions() {
    }

    static byte[] messageHash(String message) {
        return WalletHashes.taggedHash("BIP0322-signed-message", message.getBytes(StandardCharsets.UTF_8));
    }

    /** Transaction id of {@code to_spend}, in internal byte order (reverse of how explorers show it). */
    static byte[] toSpendTxid(byte[] scriptPubKey, byte[] messageHash) {
        byte[] scriptSig = Bytes.concat(new byte[] {0x00, 0x20}, messageHash);
        byte[] serialized = new TxWriter()
                .uint32(0)
                .compactSize(1).bytes(NULL_TXID).uint32(NO_PREVOUT_INDEX).varBytes(scriptSig).uint32(0)
                .compactSize(1).uint64(0).varBytes(scriptPubKey)
                .uint32(0)
                .toByteArray();
        return WalletHashes.doubleSha256(serialized);
    }

    /** Transaction id of the unsigned {@code to_sign} (witness data is not part of a txid). */
    static byte[] toSignTxid(byte[] toSpendTxid) {
        byte[] serialized = new TxWriter()
                .uint32(0)
                .compactSize(1).bytes(toSpendTxid).uint32(0).varBytes(new byte[0]).uint32(0)
                .compactSize(1).uint64(0).varBytes(OP_RETURN_SCRIPT)
                .uint32(0)
                .toByteArray();
        return WalletHashes.doubleSha256(serialized);
    }

    /** BIP-143 SIGHASH_ALL digest of {@code to_sign}'s only input, spending a P2WPKH output. */
    static byte[] p2wpkhSighash(byte[] keyHash, byte[] toSpendTxid) {
        byte[] scriptCode = Bytes.concat(new byte[] {0x76, (byte) 0xa9, 0x14}, keyHash, new byte[] {(byte) 0x88, (byte) 0xac});
        byte[] outpoint = new TxWriter().bytes(toSpendTxid).uint32(0).toByteArray();
        byte[] preimage = new TxWriter()
                .uint32(0)
                .bytes(WalletHashes.doubleSha256(outpoint))
                .bytes(WalletHashes.doubleSha256(new TxWriter().uint32(0).toByteArray()))
                .bytes(outpoint)
                .varBytes(scriptCode)
                .uint64(0)
                .uint32(0)
                .bytes(WalletHashes.doubleSha256(outputs()))
                .uint32(0)
                .uint32(SIGHASH_ALL)
                .toByteArray();
        return WalletHashes.doubleSha256(preimage);
    }

    /**
     * BIP-341 key-path signature message digest of {@code to_sign}'s only input, for hash type
     * SIGHASH_DEFAULT (0x00) or SIGHASH_ALL (0x01), no annex.
     */
    static byte[] taprootKeyPathSighash(byte[] scriptPubKey, byte[] toSpendTxid, int hashType) {
        if (hashType != 0x00 && hashType != SIGHASH_ALL) {
            throw new IllegalArgumentException("only SIGHASH_DEFAULT and SIGHASH_ALL are supported");
        }
        byte[] sigMsg = new TxWriter()
                .byteValue(0x00) // sighash epoch
                .byteValue(hashType)
                .uint32(0)
                .uint32(0)
                .bytes(WalletHashes.sha256(new TxWriter().bytes(toSpendTxid).uint32(0).toByteArray()))
                .bytes(WalletHashes.sha256(new TxWriter().uint64(0).toByteArray()))
                .bytes(WalletHashes.sha256(new TxWriter().varBytes(scriptPubKey).toByteArray()))
                .bytes(WalletHashes.sha256(new TxWriter().uint32(0).toByteArray()))
                .bytes(WalletHashes.sha256(outputs()))
                .byteValue(0x00) // spend type: key path, no annex
                .uint32(0)
                .toByteArray();
        return WalletHashes.taggedHash("TapSighash", sigMsg);
    }

    /** The single zero-value OP_RETURN output of {@code to_sign}, serialised. */
    private static byte[] outputs() {
        return new TxWriter().uint64(0).varBytes(OP_RETURN_SCRIPT).toByteArray();
    }
}
