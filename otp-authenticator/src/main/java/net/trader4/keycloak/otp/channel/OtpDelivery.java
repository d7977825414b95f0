package net.trader4.keycloak.otp.channel;

import java.util.Locale;

import net.trader4.keycloak.otp.identifier.Identifier;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * One code on its way to one destination.
 *
 * @param realm       the realm the code signs in to
 * @param user        the account, or a transient stand-in when the account is created on first
 *                    sign-in; never {@code null}
 * @param destination where to send it, normalised
 * @param code        the plain code; exists only in memory for the duration of the send;
 *                    {@code null} when the channel makes its own ({@link DeliveryChannel#checksCodesItself})
 * @param ttlSeconds  how long the code stays valid, for the message text
 * @param locale      the language to write the message in
 */
public record OtpDelivery(RealmModel realm, UserModel user, Identifier destination, String code, int ttlSeconds,
                          Locale locale) {

    @Override
    public String toString() {
        // The code never appears in logs, even by accident.
        return "OtpDelivery[realm=" + realm.getName() + ", destination=" + destination.masked() + "]";
    }
}
