package net.trader4.keycloak.wallet;

import java.util.Objects;

/**
 * What checking a wallet signature found.
 *
 * @param outcome what kind of answer it is
 * @param message for people: why it is invalid, unsupported or malformed; "valid" otherwise.
 *                Never contains the signature or key material.
 */
public record WalletSignatureResult(Outcome outcome, String message) {

    public enum Outcome {
        /** The signature proves control of the address for exactly this message. */
        VALID,
        /** Decodable, but it does not prove control of the address for this message. */
        INVALID,
        /** A signature kind we do not check (multisig, script paths, BIP-322 full format...). */
        UNSUPPORTED,
        /** Not a signature at all: bad hex or base64, wrong length, truncated data. */
        MALFORMED
    }

    public WalletSignatureResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }

    public boolean isValid() {
        return outcome == Outcome.VALID;
    }

    static WalletSignatureResult valid() {
        return new WalletSignatureResult(Outcome.VALID, "The signature is valid.");
    }

    static WalletSignatureResult invalid(String reason) {
        return new WalletSignatureResult(Outcome.INVALID, reason);
    }

    static WalletSignatureResult unsupported(String reason) {
        return new WalletSignatureResult(Outcome.UNSUPPORTED, reason);
    }

    static WalletSignatureResult malformed(String reason) {
        return new WalletSignatureResult(Outcome.MALFORMED, reason);
    }
}
