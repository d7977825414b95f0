package net.trader4.keycloak.otp.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import net.trader4.keycloak.otp.channel.DeliveryChannel;
import net.trader4.keycloak.otp.channel.DeliveryException;
import net.trader4.keycloak.otp.channel.OtpDelivery;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.keycloak.models.RealmModel;

/** A delivery channel that sends nothing: it keeps what it was asked to deliver, or fails when told to. */
final class RecordingChannel implements DeliveryChannel {

    private final Set<IdentifierType> reaches;
    private final List<OtpDelivery> delivered = new ArrayList<>();
    private DeliveryException nextFailure;

    RecordingChannel(IdentifierType first, IdentifierType... more) {
        this.reaches = EnumSet.of(first, more);
    }

    /** The next delivery fails with this reason (and is not recorded). */
    void failNextDelivery(DeliveryException.Reason reason) {
        nextFailure = new DeliveryException(reason, "The test channel refused this delivery.");
    }

    List<OtpDelivery> delivered() {
        return delivered;
    }

    /** The code in the last delivery to this destination (normalised), as its holder would read it. */
    String lastCodeTo(String destination) {
        for (int i = delivered.size() - 1; i >= 0; i--) {
            if (delivered.get(i).destination().value().equals(destination)) {
                return delivered.get(i).code();
            }
        }
        throw new AssertionError("nothing was delivered to " + destination);
    }

    @Override
    public boolean supports(IdentifierType type) {
        return reaches.contains(type);
    }

    @Override
    public boolean isReady(RealmModel realm) {
        return true;
    }

    @Override
    public void deliver(OtpDelivery delivery) throws DeliveryException {
        if (nextFailure != null) {
            DeliveryException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
        delivered.add(delivery);
    }
}
