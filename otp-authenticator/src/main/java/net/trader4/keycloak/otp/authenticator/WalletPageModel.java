package net.trader4.keycloak.otp.authenticator;

/**
 * What the wallet page shows, as JavaBean getters for FreeMarker ({@code trader4Wallet.message}):
 * the address and the exact message the server wrote for it. Both are public; the signature
 * proves control only of this one stored message.
 */
public final class WalletPageModel {

    private final String address;
    private final String maskedAddress;
    private final String message;
    private final boolean ethereum;

    WalletPageModel(String address, String maskedAddress, String message, boolean ethereum) {
        this.address = address;
        this.maskedAddress = maskedAddress;
        this.message = message == null ? "" : message;
        this.ethereum = ethereum;
    }

    public String getAddress() {
        return address;
    }

    /** The shortened address as a bidi isolate, for sentences in any writing direction. */
    public String getMaskedAddress() {
        return "\u2068" + maskedAddress + "\u2069";
    }

    /** The text to sign, byte for byte, newlines included. */
    public String getMessage() {
        return message;
    }

    /** Browser wallets (EIP-1193 {@code window.ethereum}) can sign only for Ethereum addresses. */
    public boolean isEthereum() {
        return ethereum;
    }
}
