package net.trader4.keycloak.twilio;

import java.util.Locale;

/**
 * The text of a sign-in code SMS: one short localised sentence that says never to share the code,
 * then the origin-bound line {@code @<host> #<code>} from which browsers (WebOTP) and Android
 * (SMS User Consent / Retriever) fill the code in. That line must stay last and unlocalised.
 */
public final class SmsTextBuilder {

    /**
     * @param locale      the user's language; English when there is no text for it
     * @param serviceName what the user signs in to (the realm's display name)
     * @param host        the host of the sign-in page, or {@code null} to leave out the autofill line
     * @param code        the code
     * @param ttlSeconds  how long the code is valid
     */
    public String build(Locale locale, String serviceName, String host, String code, int ttlSeconds) {
        String text = TwilioTexts.format(TwilioTexts.bundle(locale), "sms.text", serviceName, code,
                String.valueOf(minutes(ttlSeconds)));
        if (host == null || host.isBlank()) {
            return text;
        }
        return text + "\n\n@" + host.trim().toLowerCase(Locale.ROOT) + " #" + code;
    }

    private static int minutes(int ttlSeconds) {
        return Math.max(1, (ttlSeconds + 59) / 60);
    }
}
