package net.trader4.keycloak.otp.channel.twilio;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The TwiML of a sign-in code call: an introduction, then the code read one character at a time,
 * twice, in the user's language where Twilio has a voice for it and we have the words, otherwise
 * in US English. Everything placed in the document is XML-escaped.
 */
public final class VoiceTwimlBuilder {

    static final String FALLBACK_LANGUAGE = "en-US";
    /** The "alice" voice reads full locale codes; the default voices only a few short ones. */
    static final String VOICE = "alice";

    /** Languages with both a Twilio voice and our texts, by language and by language-country. */
    private static final Map<String, String> VOICE_LANGUAGES = Map.of(
            "en", "en-US", "en-US", "en-US", "en-GB", "en-GB", "en-AU", "en-AU", "en-IN", "en-IN", "en-CA", "en-CA",
            "de", "de-DE");

    /**
     * @param locale      the user's language
     * @param serviceName what the user signs in to (the realm's display name)
     * @param code        the code
     */
    public String build(Locale locale, String serviceName, String code) {
        String language = voiceLanguage(locale);
        ResourceBundle texts = TwilioTexts.bundle(Locale.forLanguageTag(language));
        String digits = spelledOut(code);
        StringBuilder twiml = new StringBuilder("<Response><Pause length=\"1\"/>");
        say(twiml, language, TwilioTexts.format(texts, "voice.intro", serviceName));
        say(twiml, language, digits);
        twiml.append("<Pause length=\"1\"/>");
        say(twiml, language, TwilioTexts.format(texts, "voice.repeat"));
        say(twiml, language, digits);
        say(twiml, language, TwilioTexts.format(texts, "voice.outro"));
        return twiml.append("</Response>").toString();
    }

    /** The Twilio language to speak for a user's locale. */
    static String voiceLanguage(Locale locale) {
        if (locale == null) {
            return FALLBACK_LANGUAGE;
        }
        String byCountry = VOICE_LANGUAGES.get(locale.getLanguage() + "-" + locale.getCountry());
        if (byCountry != null) {
            return byCountry;
        }
        return VOICE_LANGUAGES.getOrDefault(locale.getLanguage(), FALLBACK_LANGUAGE);
    }

    /** "123456" becomes "1, 2, 3, 4, 5, 6." so that speech reads digits, not "one hundred twenty-three thousand". */
    static String spelledOut(String code) {
        StringBuilder spoken = new StringBuilder();
        code.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(c -> {
            if (spoken.length() > 0) {
                spoken.append(", ");
            }
            spoken.appendCodePoint(c);
        });
        return spoken.append('.').toString();
    }

    private static void say(StringBuilder twiml, String language, String text) {
        twiml.append("<Say voice=\"").append(VOICE).append("\" language=\"").append(escape(language)).append("\">")
                .append(escape(text)).append("</Say>");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    // Control characters are not allowed in XML 1.0 at all; drop them.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }
}
