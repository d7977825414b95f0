package net.trader4.keycloak.otp.identifier;

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

    /** @return the one account the identifier names, or {@code null} (none, or ambiguous) */
    public static UserModel find(KeycloakSession session, RealmModel realm, Identifier identifier) {
        return switch (identifier.type()) {
            case EMAIL -> session.users().getUserByEmail(realm, identifier.value());
            case MOBILE, LANDLINE -> byAttribute(session, realm, identifier.value(), MOBILE_ATTRIBUTE, PHONE_ATTRIBUTE);
            case WALLET -> byAttribute(session, realm, identifier.value(), WALLET_ATTRIBUTE);
        };
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
