package net.trader4.keycloak.otp.authenticator;

/**
 * What the code page shows, as JavaBean getters for FreeMarker ({@code trader4Otp.maskedDestination}).
 * Holds nothing secret: the destination is masked, the code is never here.
 */
public final class CodePageModel {

    private final String maskedDestination;
    private final int codeLength;
    private final long resendWaitSeconds;

    CodePageModel(String maskedDestination, int codeLength, long resendWaitSeconds) {
        this.maskedDestination = maskedDestination;
        this.codeLength = codeLength;
        this.resendWaitSeconds = resendWaitSeconds;
    }

    /**
     * The masked destination as a bidi isolate: an address or number inside a right-to-left
     * sentence keeps its own left-to-right order.
     */
    public String getMaskedDestination() {
        return "\u2068" + maskedDestination + "\u2069";
    }

    public int getCodeLength() {
        return codeLength;
    }

    /** Seconds until the resend button works; the page counts down from it. */
    public long getResendWaitSeconds() {
        return resendWaitSeconds;
    }
}
