package net.trader4.keycloak.otp.phone;

import net.trader4.keycloak.otp.identifier.UserLookup;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Whether a number already belongs to another account. A number two accounts hold routes no
 * sign-in at all, so adding it to a second account would lock the first out of its sign-in.
 */
final class PhoneNumberHolders {

    private PhoneNumberHolders() {
    }

    static boolean heldByAnother(KeycloakSession session, RealmModel realm, UserModel user, String number) {
        for (String attribute : new String[] {UserLookup.MOBILE_ATTRIBUTE, UserLookup.PHONE_ATTRIBUTE}) {
            boolean other = session.users().searchForUserByUserAttributeStream(realm, attribute, number)
                    .anyMatch(holder -> !holder.getId().equals(user.getId()));
            if (other) {
                return true;
            }
        }
        return false;
    }
}
