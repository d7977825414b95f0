package net.trader4.keycloak.otp.identifier;

/** The identifier is malformed or of a kind that can never receive a code; the message says why. */
public class InvalidIdentifierException extends Exception {

    public InvalidIdentifierException(String message) {
        super(message);
    }
}
