package net.trader4.keycloak.twilio;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Say;

/**
 * The TwiML of a sign-in code call: an introduction, then the code read one character at a time,
 * twice, in the user's language where Twilio has a voice for it and we have the words, otherwise
 * in US English. Twilio's TwiML builder escapes what it places in the document.
 */
public final class VoiceTwimlBuilder {

    static final Say.Language FALLBACK_LANGUAGE = Say.Language.EN_US;
    /** The "alice" voice reads full locale codes; the default voices only a few short ones. */
    static final Say.Voice VOICE = Say.Voice.ALICE;

    /** Languages with both a Twilio voice and our texts, by language and by language-country. */
    private static final Map<String, Say.Language> VOICE_LANGUAGES = Map.of(
            "en", Say.Language.EN_US, "en-US", Say.Language.EN_US, "en-GB", Say.Language.EN_GB,
            "en-AU", Say.Language.EN_AU, "en-IN", Say.Language.EN_IN, "en-CA", Say.Language.EN_CA,
            "de", Say.Language.DE_DE);

    /**
     * @param locale      the user's language
     * @param serviceName what the user signs in to (the realm's display name)
     * @param code        the code
     */
    public String build(Locale locale, String serviceName, String code) {
        Say.Language language = voiceLanguage(locale);
        ResourceBundle texts = TwilioTexts.bundle(Locale.forLanguageTag(language.toString()));
        String digits = spelledOut(code);
        VoiceResponse call = new VoiceResponse.Builder()
                .pause(oneSecondPause())
                .say(say(language, TwilioTexts.format(texts, "voice.intro", serviceName)))
                .say(say(language, digits))
                .pause(oneSecondPause())
                .say(say(language, TwilioTexts.format(texts, "voice.repeat")))
                .say(say(language, digits))
                .say(say(language, TwilioTexts.format(texts, "voice.outro")))
                .build();
        try {
            return call.toXml();
        } catch (TwiMLException e) {
            // Only a JDK without a working XML transformer gets here.
            throw new IllegalStateException("Cannot write the TwiML of a sign-in call", e);
        }
    }

    /** The Twilio language to speak for a user's locale. */
    static Say.Language voiceLanguage(Locale locale) {
        if (locale == null) {
            return FALLBACK_LANGUAGE;
        }
        Say.Language byCountry = VOICE_LANGUAGES.get(locale.getLanguage() + "-" + locale.getCountry());
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

    private static Say say(Say.Language language, String text) {
        return new Say.Builder(withoutControlCharacters(text)).voice(VOICE).language(language).build();
    }

    private static Pause oneSecondPause() {
        return new Pause.Builder().length(1).build();
    }

    /**
     * XML 1.0 allows no control characters but tab and line breaks, not even as character
     * references, and the builder would write them as such: Twilio would refuse the document.
     */
    static String withoutControlCharacters(String text) {
        StringBuilder allowed = new StringBuilder(text.length());
        text.codePoints().filter(c -> c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                .forEach(allowed::appendCodePoint);
        return allowed.toString();
    }
}
