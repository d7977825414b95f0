package net.trader4.keycloak.otp.identifier;

/**
 * What an identifier the user typed turned out to be. The names are the ones operators see in
 * configuration ({@code allowedIdentifierTypes}) and API errors.
 */
public enum IdentifierType {
    EMAIL("email address"),
    MOBILE("mobile number"),
    LANDLINE("landline number"),
    WALLET("crypto wallet address");

    private final String description;

    IdentifierType(String description) {
        this.description = description;
    }

    /** Human words for messages: "Sign-in by mobile number is not available". */
    public String description() {
        return description;
    }

    public boolean isPhone() {
        return this == MOBILE || this == LANDLINE;
    }
}
