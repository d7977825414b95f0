package net.trader4.keycloak.otp.channel;

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

    @Override
    default void close() {
    }
}
