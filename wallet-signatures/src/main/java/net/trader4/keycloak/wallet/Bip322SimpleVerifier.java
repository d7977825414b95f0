package net.trader4.keycloak.wallet;

import org.bouncycastle.math.ec.ECPoint;

/**
 * BIP-322 "simple" signatures: the witness that spends the virtual {@code to_spend} output.
 * Checks single-key native segwit scripts (P2WPKH, Taproot key path) without a script
 * interpreter; everything that needs one is reported as unsupported.
 */
final class Bip322SimpleVerifier {

    private static final int SIGHASH_DEFAULT = 0x00;
    private static final int SIGHASH_ALL = 0x01;
    private static final int ANNEX_TAG = 0x50;

    private Bip322SimpleVerifier() {
    }

    static WalletSignatureResult verify(WalletAddress address, String message, WitnessStack witness) {
        byte[] scriptPubKey = address.scriptPubKey();
        byte[] toSpendTxid = Bip322Transactions.toSpendTxid(scriptPubKey, Bip322Transactions.messageHash(message));
        return switch (address.kind()) {
            case P2WPKH -> p2wpkh(address, witness, toSpendTxid);
            case P2TR -> taprootKeyPath(address, scriptPubKey, witness, toSpendTxid);
            case P2WSH -> p2wsh(address, witness);
            case P2SH -> WalletSignatureResult.unsupported("BIP-322 signatures for P2SH (3…) addresses are not supported; "
                    + "sign with the Bitcoin Signed Message (BIP-137) format instead.");
            case P2PKH -> WalletSignatureResult.unsupported("BIP-322 signatures for legacy (1…) addresses are not supported; "
                    + "sign with the Bitcoin Signed Message (BIP-137) format instead.");
            case ETH -> WalletSignatureResult.unsupported("BIP-322 applies to Bitcoin addresses only.");
        };
    }

    private static WalletSignatureResult p2wpkh(WalletAddress address, WitnessStack witness, byte[] toSpendTxid) {
        if (witness.size() != 2) {
            return WalletSignatureResult.invalid("A P2WPKH signature must carry exactly a signature and a public key.");
        }
        byte[] publicKeyBytes = witness.item(1);
        if (publicKeyBytes.length != 33) {
            return WalletSignatureResult.invalid("A P2WPKH signature must carry a 33-byte compressed public key.");
        }
        if (!address.programEquals(WalletHashes.hash160(publicKeyBytes))) {
            return WalletSignatureResult.invalid("The signature was made with a key that does not belong to " + address.canonical() + ".");
        }
        ECPoint publicKey = Secp256k1.decodePublicKey(publicKeyBytes);
        if (publicKey == null) {
            return WalletSignatureResult.invalid("The signature's public key is not a point on the curve.");
        }
        byte[] signature = witness.item(0);
        if (signature.length == 0) {
            return WalletSignatureResult.invalid("The witness carries an empty signature.");
        }
        if ((signature[signature.length - 1] & 0xff) != SIGHASH_ALL) {
            return WalletSignatureResult.invalid("BIP-322 signatures must use SIGHASH_ALL.");
        }
        DerSignature der = DerSignature.parseStrict(Bytes.slice(signature, 0, signature.length - 1));
        if (der == null) {
            return WalletSignatureResult.invalid("The ECDSA signature is not strictly DER-encoded.");
        }
        if (Secp256k1.isHighS(der.s())) {
            return WalletSignatureResult.invalid("The signature is not in canonical low-s form.");
        }
        byte[] sighash = Bip322Transactions.p2wpkhSighash(address.program(), toSpendTxid);
        if (!Secp256k1.verifyEcdsa(publicKey, sighash, der.r(), der.s())) {
            return WalletSignatureResult.invalid("The signature does not match this message and address.");
        }
        return WalletSignatureResult.valid();
    }

    private static WalletSignatureResult taprootKeyPath(WalletAddress address, byte[] scriptPubKey, WitnessStack witness,
            byte[] toSpendTxid) {
        if (witness.size() == 0) {
            return WalletSignatureResult.invalid("The signature's witness stack is empty.");
        }
        if (witness.size() >= 2 && witness.item(witness.size() - 1).length > 0
                && (witness.item(witness.size() - 1)[0] & 0xff) == ANNEX_TAG) {
            return WalletSignatureResult.unsupported("Taproot signatures with an annex are not supported.");
        }
        if (witness.size() > 1) {
            return WalletSignatureResult.unsupported("Taproot script-path signatures are not supported; sign with the key path.");
        }
        byte[] signature = witness.item(0);
        int hashType;
        if (signature.length == 64) {
            hashType = SIGHASH_DEFAULT;
        } else if (signature.length == 65) {
            hashType = signature[64] & 0xff;
            // BIP-341: an explicit 0x00 byte is invalid; SIGHASH_DEFAULT is written by omitting it.
            if (hashType != SIGHASH_ALL) {
                return WalletSignatureResult.invalid("BIP-322 signatures must use SIGHASH_DEFAULT or SIGHASH_ALL.");
            }
        } else {
            return WalletSignatureResult.invalid("A Taproot key-path signature is 64 or 65 bytes long.");
        }
        byte[] sighash = Bip322Transactions.taprootKeyPathSighash(scriptPubKey, toSpendTxid, hashType);
        if (!Bip340Verifier.verify(address.program(), sighash, Bytes.slice(signature, 0, 64))) {
            return WalletSignatureResult.invalid("The signature does not match this message and address.");
        }
        return WalletSignatureResult.valid();
    }

    private static WalletSignatureResult p2wsh(WalletAddress address, WitnessStack witness) {
        if (witness.size() == 0) {
            return WalletSignatureResult.invalid("The signature's witness stack is empty.");
        }
        // The last item is the script the address commits to; a mismatch is invalid outright.
        byte[] witnessScript = witness.item(witness.size() - 1);
        if (!address.programEquals(WalletHashes.sha256(witnessScript))) {
            return WalletSignatureResult.invalid("The signature's script does not belong to " + address.canonical() + ".");
        }
        return WalletSignatureResult.unsupported("Signatures for P2WSH script addresses (multisig and other scripts) "
                + "are not supported; use a single-key address (bc1q… with 42 characters, or bc1p…).");
    }
}
