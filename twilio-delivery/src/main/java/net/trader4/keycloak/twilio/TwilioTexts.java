package net.trader4.keycloak.twilio;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The localised texts of the Twilio channels ({@code TwilioMessages*.properties}). */
final class TwilioTexts {

    static final String BUNDLE = "net.trader4.keycloak.twilio.TwilioMessages";

    private TwilioTexts() {
    }

    /**
     * The bundle for a locale, falling back to English and never to the server's default locale
     * (a German server must not text a French user in German).
     */
    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale == null ? Locale.ENGLISH : locale,
                TwilioTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Arguments are passed as text so that numbers keep ASCII digits in every language. */
    static String format(ResourceBundle bundle, String key, String... arguments) {
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(arguments);
    }
}
