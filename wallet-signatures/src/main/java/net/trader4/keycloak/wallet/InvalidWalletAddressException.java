package net.trader4.keycloak.wallet;

/** The text is not a wallet address this library accepts; the message says why, for the person who typed it. */
public class InvalidWalletAddressException extends Exception {

    public InvalidWalletAddressException(String message) {
        super(message);
    }
}
