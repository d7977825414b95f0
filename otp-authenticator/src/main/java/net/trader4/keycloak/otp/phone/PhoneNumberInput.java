package net.trader4.keycloak.otp.phone;

import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.IdentifierClassifier;
import net.trader4.keycloak.otp.identifier.InvalidIdentifierException;

/**
 * Reads a phone number a user typed to add to their account: normalised to E.164 and classified
 * (mobile or landline) as sign-in reads numbers, so the stored value is the one a sign-in looks up.
 */
final class PhoneNumberInput {

    static final String MISSING = "trader4PhoneMissing";
    static final String INVALID = "trader4PhoneInvalid";

    /** The number was refused; {@link #getMessage()} is the message key the page shows. */
    static final class Refused extends Exception {
        Refused(String messageKey) {
            super(messageKey, null, false, false);
        }
    }

    private PhoneNumberInput() {
    }

    /**
     * @param defaultRegion the realm's region for numbers without {@code +}, {@code null} for E.164 only
     * @return a mobile or landline number that can receive codes
     */
    static Identifier read(String typed, String defaultRegion) throws Refused {
        if (typed == null || typed.isBlank()) {
            throw new Refused(MISSING);
        }
        Identifier identifier;
        try {
            identifier = new IdentifierClassifier(defaultRegion).classify(typed);
        } catch (InvalidIdentifierException | RuntimeException e) {
            throw new Refused(INVALID);
        }
        if (!identifier.type().isPhone()) {
            throw new Refused(INVALID);
        }
        return identifier;
    }
}
