package net.trader4.keycloak.wallet;

/** The signature text cannot even be decoded; the message says what is wrong, for people. */
final class MalformedSignatureException extends Exception {

    MalformedSignatureException(String message) {
        super(message);
    }
}
