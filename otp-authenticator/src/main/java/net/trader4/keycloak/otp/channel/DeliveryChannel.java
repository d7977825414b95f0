package net.trader4.keycloak.otp.channel;

import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * Sends a one-time code to the place an identifier names (a mailbox, a phone). One provider per
 * channel ({@code email}, {@code sms}, {@code voice}, {@code log}); the OTP engine picks the first
 * channel that {@link #supports supports} the identifier and {@link #isReady is ready} in the realm.
 */
public interface DeliveryChannel extends Provider {

    /** Whether this channel can reach identifiers of this type at all. */
    boolean supports(IdentifierType type);

    /** Whether the realm has what this channel needs (an SMTP server, credentials, ...). */
    boolean isReady(RealmModel realm);

    /**
     * Sends the code. Must not log the code or the full destination.
     *
     * @throws DeliveryException when the destination refused it or the provider is unavailable;
     *                           the caller then discards the code
     */
    void deliver(OtpDelivery delivery) throws DeliveryException;

    /**
     * Whether, in this realm, the provider makes and checks the codes itself (Twilio Verify):
     * then {@link #deliver} gets no code and {@link #checkCode} decides.
     */
    default boolean checksCodesItself(RealmModel realm) {
        return false;
    }

    /** Asks the provider whether the code it sent to the destination is right. */
    default boolean checkCode(RealmModel realm, Identifier destination, String code) throws DeliveryException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not check codes");
    }

    @Override
    default void close() {
    }
}
