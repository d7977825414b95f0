package net.trader4.keycloak.otp.identifier;

import java.util.Objects;

/**
 * A classified, normalised identifier: emails lower-cased, phone numbers in E.164, wallet
 * addresses in their canonical form.
 *
 * @param type       what kind of identifier it is
 * @param value      the normalised value, the one stored on users and used as the state key
 * @param phoneType  libphonenumber's number type name for phone numbers ({@code MOBILE},
 *                   {@code UAN}, ...), {@code null} otherwise
 * @param regionCode ISO 3166 region of a phone number, {@code null} otherwise
 */
public record Identifier(IdentifierType type, String value, String phoneType, String regionCode) {

    public Identifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    public static Identifier email(String normalised) {
        return new Identifier(IdentifierType.EMAIL, normalised, null, null);
    }

    /** The value with most characters hidden, safe for logs and pages. */
    public String masked() {
        return IdentifierMasker.mask(this);
    }
}
