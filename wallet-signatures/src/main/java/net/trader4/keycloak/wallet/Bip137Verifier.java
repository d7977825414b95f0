package net.trader4.keycloak.wallet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.math.ec.ECPoint;

/**
 * "Bitcoin Signed Message" signatures (Bitcoin Core's {@code signmessage}, BIP-137 headers for
 * segwit): 65 bytes, a header byte then r and s, from which the signer's key is recovered.
 */
final class Bip137Verifier {

    static final int SIGNATURE_LENGTH = 65;
    private static final int FIRST_HEADER = 27;
    private static final int LAST_HEADER = 42;
    private static final byte[] MAGIC = "Bitcoin Signed Message:\n".getBytes(StandardCharsets.US_ASCII);

    /** What the header byte says the signer's address is. */
    private enum HeaderType {
        UNCOMPRESSED_P2PKH, COMPRESSED_P2PKH, P2SH_P2WPKH, P2WPKH;

        static HeaderType of(int header) {
            return values()[(header - FIRST_HEADER) / 4];
        }
    }

    private Bip137Verifier() {
    }

    /** Whether decoded signature bytes have the BIP-137 shape (and so are not a BIP-322 witness). */
    static boolean looksLikeBip137(byte[] decoded) {
        return decoded.length == SIGNATURE_LENGTH && (decoded[0] & 0xff) >= FIRST_HEADER && (decoded[0] & 0xff) <= LAST_HEADER;
    }

    /** Double SHA-256 of the magic prefix and the message, each with a CompactSize length. */
    static byte[] messageHash(String message) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        return WalletHashes.doubleSha256(new TxWriter().varBytes(MAGIC).varBytes(body).toByteArray());
    }

    static WalletSignatureResult verify(WalletAddress address, String message, byte[] signature) {
        if (address.kind() == WalletAddressKind.P2TR || address.kind() == WalletAddressKind.P2WSH) {
            return WalletSignatureResult.unsupported("A Bitcoin Signed Message (BIP-137) signature cannot prove control of a "
                    + (address.kind() == WalletAddressKind.P2TR ? "Taproot" : "P2WSH script")
                    + " address; sign the message with BIP-322 instead.");
        }
        int header = signature[0] & 0xff;
        HeaderType type = HeaderType.of(header);
        BigInteger r = Bytes.unsigned(signature, 1, 33);
        BigInteger s = Bytes.unsigned(signature, 33, 65);
        if (Secp256k1.isHighS(s)) {
            return WalletSignatureResult.invalid("The signature is not in canonical low-s form.");
        }
        ECPoint publicKey = Secp256k1.recoverPublicKey(r, s, (header - FIRST_HEADER) & 3, messageHash(message));
        if (publicKey == null) {
            return WalletSignatureResult.invalid("No public key matches this signature.");
        }
        if (!controls(address, type, publicKey)) {
            return WalletSignatureResult.invalid(
                    "The signature was not made by " + address.canonical() + " for this message.");
        }
        return WalletSignatureResult.valid();
    }

    private static boolean controls(WalletAddress address, HeaderType type, ECPoint publicKey) {
        byte[] compressedKeyHash = WalletHashes.hash160(publicKey.getEncoded(true));
        return switch (type) {
            case UNCOMPRESSED_P2PKH -> address.kind() == WalletAddressKind.P2PKH
                    && address.programEquals(WalletHashes.hash160(publicKey.getEncoded(false)));
            // Electrum and others sign segwit addresses with the legacy compressed header, so this
            // header accepts every single-key address the recovered key controls.
            case COMPRESSED_P2PKH -> switch (address.kind()) {
                case P2PKH, P2WPKH -> address.programEquals(compressedKeyHash);
                case P2SH -> address.programEquals(nestedP2wpkhScriptHash(compressedKeyHash));
                default -> false;
            };
            case P2SH_P2WPKH -> address.kind() == WalletAddressKind.P2SH
                    && address.programEquals(nestedP2wpkhScriptHash(compressedKeyHash));
            case P2WPKH -> address.kind() == WalletAddressKind.P2WPKH && address.programEquals(compressedKeyHash);
        };
    }

    /** The P2SH hash of the redeem script {@code OP_0 <20-byte key hash>}. */
    private static byte[] nestedP2wpkhScriptHash(byte[] keyHash) {
        return WalletHashes.hash160(Bytes.concat(new byte[] {0x00, 0x14}, keyHash));
    }
}
