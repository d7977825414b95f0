package net.trader4.keycloak.otp.authenticator;

import java.util.function.Predicate;

import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.IdentifierType;

/**
 * The other channel a code page offers. A mobile (including North America's
 * FIXED_LINE_OR_MOBILE numbers, which may well be landlines) gets SMS first and may have the next
 * code read out by a call instead, or go back to SMS after a call. Landlines cannot take SMS and
 * email has no second channel. The offer depends only on the kind of identifier and the realm,
 * never on whether an account exists.
 */
final class AlternativeChannel {

    private AlternativeChannel() {
    }

    /**
     * @param sentBy    the channel the last code went by
     * @param available whether the realm can send a code to this identifier by a channel id
     * @return the channel to offer, or {@code null}
     */
    static String offeredFor(Identifier identifier, String sentBy, Predicate<String> available) {
        if (identifier.type() != IdentifierType.MOBILE) {
            return null;
        }
        String other;
        if (ChannelWording.SMS.equals(sentBy)) {
            other = ChannelWording.VOICE;
        } else if (ChannelWording.VOICE.equals(sentBy)) {
            other = ChannelWording.SMS;
        } else {
            return null;
        }
        return available.test(other) ? other : null;
    }

    /**
     * The channel a resend asks for: the button's channel when it is one a page can offer,
     * otherwise whatever the user asked for before ({@code null}: the realm's choice).
     */
    static String requested(String buttonValue, String earlier) {
        if (ChannelWording.SMS.equals(buttonValue) || ChannelWording.VOICE.equals(buttonValue)) {
            return buttonValue;
        }
        return earlier;
    }
}
