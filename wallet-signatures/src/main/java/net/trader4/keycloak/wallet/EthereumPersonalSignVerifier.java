package net.trader4.keycloak.wallet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.math.ec.ECPoint;

/** EIP-191 version 0x45 ({@code personal_sign}), what wallets do for Sign-In with Ethereum. */
final class EthereumPersonalSignVerifier {

    private EthereumPersonalSignVerifier() {
    }

    /** Keccak-256 of {@code "\x19Ethereum Signed Message:\n" + byte length + message}. */
    static byte[] messageHash(String message) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = ("\u0019Ethereum Signed Message:\n" + body.length).getBytes(StandardCharsets.UTF_8);
        return WalletHashes.keccak256(prefix, body);
    }

    /** @param signature 65 bytes: r (32), s (32), v (1) */
    static WalletSignatureResult verify(WalletAddress address, String message, byte[] signature) {
        int v = signature[64] & 0xff;
        int recoveryId;
        if (v == 0 || v == 1) {
            recoveryId = v;
        } else if (v == 27 || v == 28) {
            recoveryId = v - 27;
        } else {
            return WalletSignatureResult.invalid(
                    "The signature's recovery byte must be 0, 1, 27 or 28; is it a transaction signature rather than a signed message?");
        }
        BigInteger r = Bytes.unsigned(signature, 0, 32);
        BigInteger s = Bytes.unsigned(signature, 32, 64);
        if (Secp256k1.isHighS(s)) {
            return WalletSignatureResult.invalid("The signature is not in canonical low-s form.");
        }
        ECPoint publicKey = Secp256k1.recoverPublicKey(r, s, recoveryId, messageHash(message));
        if (publicKey == null) {
            return WalletSignatureResult.invalid("No public key matches this signature.");
        }
        byte[] uncompressed = publicKey.getEncoded(false);
        byte[] keyHash = WalletHashes.keccak256(Bytes.slice(uncompressed, 1, uncompressed.length));
        if (!address.programEquals(Bytes.slice(keyHash, 12, 32))) {
            return WalletSignatureResult.invalid(
                    "The signature was not made by " + address.canonical() + " for this message.");
        }
        return WalletSignatureResult.valid();
    }
}
