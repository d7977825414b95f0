package net.trader4.keycloak.twilio;

/** What a Twilio call creates, in the words the user and the log see. */
public enum TwilioProduct {
    SMS("text message"),
    VOICE("phone call");

    private final String words;

    TwilioProduct(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
