package net.trader4.keycloak.otp.authenticator;

/**
 * What the code page shows, as JavaBean getters for FreeMarker ({@code trader4Otp.maskedDestination}).
 * Holds nothing secret: the destination is masked, the code is never here.
 */
public final class CodePageModel {

    private final String maskedDestination;
    private final int codeLength;
    private final long resendWaitSeconds;
    private final String channel;
    private final String alternativeChannel;

    /** For a page that offers no other channel (proving a new phone number). */
    public static CodePageModel withoutAlternative(String maskedDestination, int codeLength, long resendWaitSeconds,
                                                   String channel) {
        return new CodePageModel(maskedDestination, codeLength, resendWaitSeconds, channel, null);
    }

    CodePageModel(String maskedDestination, int codeLength, long resendWaitSeconds, String channel, String alternativeChannel) {
        this.maskedDestination = maskedDestination;
        this.codeLength = codeLength;
        this.resendWaitSeconds = resendWaitSeconds;
        this.channel = channel;
        this.alternativeChannel = alternativeChannel;
    }

    /**
     * The masked destination as a bidi isolate: an address or number inside a right-to-left
     * sentence keeps its own left-to-right order.
     */
    public String getMaskedDestination() {
        return "\u2068" + maskedDestination + "\u2069";
    }

    /** The message key of the sentence saying where the code went ("We sent an SMS to {0}."). */
    public String getSentToKey() {
        return ChannelWording.sentTo(channel);
    }

    public int getCodeLength() {
        return codeLength;
    }

    /** Seconds until the resend button works; the page counts down from it. */
    public long getResendWaitSeconds() {
        return resendWaitSeconds;
    }

    /** The other channel the page offers for a new code ({@code voice}, {@code sms}), or empty. */
    public String getAlternativeChannel() {
        return alternativeChannel == null ? "" : alternativeChannel;
    }

    /** The label key of the button asking for the other channel ("Call me instead"). */
    public String getAlternativeLabelKey() {
        return alternativeChannel == null ? "" : ChannelWording.switchTo(alternativeChannel);
    }
}
