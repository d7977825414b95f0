package net.trader4.keycloak.otp.authenticator;

/** The message keys that name the channel a code went by, so the page says "SMS" or "calling". */
public final class ChannelWording {

    static final String SMS = "sms";
    static final String VOICE = "voice";

    private ChannelWording() {
    }

    /** "We sent an SMS to {0}." / "We are calling {0}." / "We sent a code to {0}." */
    public static String sentTo(String channel) {
        if (SMS.equals(channel)) {
            return "trader4OtpSentBySms";
        }
        return VOICE.equals(channel) ? "trader4OtpCalling" : "trader4OtpCodeSentTo";
    }

    /** The note after a new code went out. */
    public static String resent(String channel) {
        if (SMS.equals(channel)) {
            return "trader4OtpResentBySms";
        }
        return VOICE.equals(channel) ? "trader4OtpCallingAgain" : "trader4OtpResent";
    }

    /** The label of the button that asks for the next code by this channel. */
    public static String switchTo(String channel) {
        return VOICE.equals(channel) ? "trader4OtpCallInstead" : "trader4OtpTextInstead";
    }
}
