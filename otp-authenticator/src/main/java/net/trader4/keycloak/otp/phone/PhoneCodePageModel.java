package net.trader4.keycloak.otp.phone;

import net.trader4.keycloak.otp.authenticator.ChannelWording;

/**
 * What the code page of a new phone number shows, as JavaBean getters for FreeMarker
 * ({@code trader4Phone.maskedNumber}). The number is masked, the code is never here.
 */
public final class PhoneCodePageModel {

    private final String maskedNumber;
    private final String channel;
    private final int codeLength;
    private final long resendWaitSeconds;

    PhoneCodePageModel(String maskedNumber, String channel, int codeLength, long resendWaitSeconds) {
        this.maskedNumber = maskedNumber;
        this.channel = channel;
        this.codeLength = codeLength;
        this.resendWaitSeconds = resendWaitSeconds;
    }

    /** The masked number as a bidi isolate: it keeps its order inside a right-to-left sentence. */
    public String getMaskedNumber() {
        return "\u2068" + maskedNumber + "\u2069";
    }

    /** The key of the sentence saying how the code went ("We sent an SMS to {0}."). */
    public String getSentToKey() {
        return ChannelWording.sentTo(channel);
    }

    public int getCodeLength() {
        return codeLength;
    }

    public long getResendWaitSeconds() {
        return resendWaitSeconds;
    }
}
