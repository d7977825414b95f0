package net.trader4.keycloak.otp.identifier;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Finds the account an identifier belongs to. */
public final class UserLookup {

    /** User-profile attribute holding a mobile number in E.164. */
    public static final String MOBILE_ATTRIBUTE = "mobile_number";
    /** User-profile attribute holding a landline number in E.164. */
    public static final String PHONE_ATTRIBUTE = "phone_number";
    /** User-profile attribute holding wallet addresses in canonical form. */
    public static final String WALLET_ATTRIBUTE = "crypto_address";

    private UserLookup() {
    }

    /**
     * The one account the identifier names, through what was proven only: an email address the
     * account has verified, or a phone number or wallet address in an attribute users cannot edit
     * themselves ({@link TrustedAttributes}).
     *
     * @return the account, or {@code null} (none, unverified, or ambiguous)
     */
    public static UserModel find(KeycloakSession session, RealmModel realm, Identifier identifier) {
        return switch (identifier.type()) {
            case EMAIL -> verifiedEmailHolder(session, realm, identifier.value());
            case MOBILE, LANDLINE -> byAttribute(session, realm, identifier.value(),
                    trusted(session, MOBILE_ATTRIBUTE, PHONE_ATTRIBUTE));
            case WALLET -> byAttribute(session, realm, identifier.value(), trusted(session, WALLET_ATTRIBUTE));
        };
    }

    /**
     * Whether this kind of identifier can sign in in the realm's user profile: the attribute that
     * holds it (a mobile's {@code mobile_number}, a landline's {@code phone_number}, a wallet's
     * address) must be one users cannot edit, or every sign-in by it would be a guess.
     */
    public static boolean canRoute(KeycloakSession session, IdentifierType type) {
        return switch (type) {
            case EMAIL -> true;
            case MOBILE -> trusted(session, MOBILE_ATTRIBUTE).length > 0;
            case LANDLINE -> trusted(session, PHONE_ATTRIBUTE).length > 0;
            case WALLET -> trusted(session, WALLET_ATTRIBUTE).length > 0;
        };
    }

    /** The account holding the address without having verified it, if any: it has no claim to it. */
    public static UserModel unverifiedEmailHolder(KeycloakSession session, RealmModel realm, String email) {
        UserModel user = session.users().getUserByEmail(realm, email);
        return user != null && !user.isEmailVerified() ? user : null;
    }

    private static UserModel verifiedEmailHolder(KeycloakSession session, RealmModel realm, String email) {
        UserModel user = session.users().getUserByEmail(realm, email);
        return user != null && user.isEmailVerified() ? user : null;
    }

    private static String[] trusted(KeycloakSession session, String... attributes) {
        TrustedAttributes trust = TrustedAttributes.of(session);
        return Arrays.stream(attributes).filter(trust::trusted).toArray(String[]::new);
    }

    /** The attribute a new account stores this identifier in, {@code null} for emails. */
    public static String attributeFor(Identifier identifier) {
        return switch (identifier.type()) {
            case EMAIL -> null;
            case MOBILE -> MOBILE_ATTRIBUTE;
            case LANDLINE -> PHONE_ATTRIBUTE;
            case WALLET -> WALLET_ATTRIBUTE;
        };
    }

    private static UserModel byAttribute(KeycloakSession session, RealmModel realm, String value, String... attributes) {
        for (String attribute : attributes) {
            List<UserModel> users = session.users().searchForUserByUserAttributeStream(realm, attribute, value)
                    .limit(2).collect(Collectors.toList());
            if (users.size() == 1) {
                return users.get(0);
            }
            if (users.size() > 1) {
                // Two accounts claiming one number: signing in to either would be a guess.
                return null;
            }
        }
        return null;
    }
}
