package net.trader4.keycloak.wallet;

/**
 * Checks that a signature proves control of a wallet address for one exact message.
 *
 * <ul>
 *   <li>Ethereum: EIP-191 {@code personal_sign}, 65 bytes in hex.</li>
 *   <li>Bitcoin: "Bitcoin Signed Message" with BIP-137 headers (65 bytes in base64), or BIP-322
 *       "simple" (a base64 witness stack, optionally prefixed {@code smp}) for P2WPKH and
 *       Taproot key-path addresses.</li>
 * </ul>
 *
 * Hostile input is expected: the answer is always a {@link WalletSignatureResult}, never an
 * exception. Needs bcprov: check {@link WalletCryptoSupport#isAvailable()} first (FIPS mode).
 */
public final class WalletSignatureVerifier {

    /** Far above any real signature (a 15-of-15 multisig witness is ~1.6 kB of base64). */
    static final int MAX_SIGNATURE_LENGTH = 8192;
    /** Our challenge messages are a few hundred characters. */
    static final int MAX_MESSAGE_LENGTH = 16384;

    private static final String SIMPLE_PREFIX = "smp";
    private static final String FULL_PREFIX = "ful";
    private static final String PROOF_OF_FUNDS_PREFIX = "pof";

    private WalletSignatureVerifier() {
    }

    public static WalletSignatureResult verify(WalletAddress address, String message, String signature) {
        if (address == null || message == null || signature == null) {
            return WalletSignatureResult.malformed("An address, a message and a signature are required.");
        }
        if (signature.length() > MAX_SIGNATURE_LENGTH) {
            return WalletSignatureResult.malformed("The signature is too long.");
        }
        if (message.length() > MAX_MESSAGE_LENGTH) {
            return WalletSignatureResult.malformed("The message is too long.");
        }
        try {
            String text = signature.strip();
            return switch (address.chain()) {
                case ETHEREUM -> EthereumPersonalSignVerifier.verify(address, message, SignatureDecoding.ethereumHex(text));
                case BITCOIN -> bitcoin(address, message, text);
            };
        } catch (MalformedSignatureException e) {
            return WalletSignatureResult.malformed(e.getMessage());
        } catch (RuntimeException e) {
            // Defence in depth: a decoding corner we did not foresee must not become a 500.
            return WalletSignatureResult.malformed("The signature could not be decoded.");
        }
    }

    private static WalletSignatureResult bitcoin(WalletAddress address, String message, String text)
            throws MalformedSignatureException {
        if (text.startsWith(FULL_PREFIX) || text.startsWith(PROOF_OF_FUNDS_PREFIX)) {
            return WalletSignatureResult.unsupported("BIP-322 \"full\" and \"proof of funds\" signatures are not supported; "
                    + "sign with the \"simple\" format.");
        }
        if (text.startsWith(SIMPLE_PREFIX)) {
            return Bip322SimpleVerifier.verify(address, message, WitnessStack.parse(SignatureDecoding.base64(text.substring(3))));
        }
        byte[] decoded = SignatureDecoding.base64(text);
        if (Bip137Verifier.looksLikeBip137(decoded)) {
            return Bip137Verifier.verify(address, message, decoded);
        }
        // Signatures from before BIP-322 introduced the prefix are simple ones.
        return Bip322SimpleVerifier.verify(address, message, WitnessStack.parse(decoded));
    }
}
