package net.trader4.keycloak.twilio;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class SmsTextBuilderTest {

    private final SmsTextBuilder builder = new SmsTextBuilder();

    private static String lastLine(String text) {
        return text.substring(text.lastIndexOf('\n') + 1);
    }

    @Test
    void englishTextSaysNeverToShareAndEndsWithTheAutofillLine() {
        String text = builder.build(Locale.ENGLISH, "Trader4", "auth.trader4.net", "482913", 300);

        assertEquals("Your Trader4 sign-in code is 482913. Valid for 5 min. Never share it with anyone, not even us."
                + "\n\n@auth.trader4.net #482913", text);
        assertEquals("@auth.trader4.net #482913", lastLine(text));
    }

    @Test
    void germanText() {
        String text = builder.build(Locale.GERMANY, "Trader4", "auth.trader4.net", "482913", 600);

        assertTrue(text.startsWith("Ihr Trader4-Anmeldecode lautet 482913. Gültig für 10 Min."), text);
        assertTrue(text.contains("niemals weiter"), text);
        assertEquals("@auth.trader4.net #482913", lastLine(text));
    }

    @Test
    void persianTextKeepsTheCodeInAsciiDigits() {
        String text = builder.build(Locale.forLanguageTag("fa-IR"), "Trader4", "auth.trader4.net", "482913", 120);

        assertTrue(text.startsWith("کد ورود شما به Trader4: 482913."), text);
        assertTrue(text.contains("2 دقیقه"), "minutes in ASCII digits too: " + text);
        assertTrue(text.contains("هرگز"), "says never to share: " + text);
        assertEquals("@auth.trader4.net #482913", lastLine(text));
    }

    @Test
    void otherLanguagesGetEnglishNotTheServersLanguage() {
        Locale serverDefault = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
        try {
            assertTrue(builder.build(Locale.FRENCH, "Trader4", "h.example", "1", 60).startsWith("Your Trader4"));
            assertTrue(builder.build(null, "Trader4", "h.example", "1", 60).startsWith("Your Trader4"));
        } finally {
            Locale.setDefault(serverDefault);
        }
    }

    @Test
    void roundsTheValidityUpToWholeMinutes() {
        assertTrue(builder.build(Locale.ENGLISH, "T", null, "1", 61).contains("Valid for 2 min."));
        assertTrue(builder.build(Locale.ENGLISH, "T", null, "1", 10).contains("Valid for 1 min."));
    }

    @Test
    void withoutAHostThereIsNoAutofillLine() {
        String text = builder.build(Locale.ENGLISH, "Trader4", null, "482913", 300);

        assertFalse(text.contains("@"), text);
        assertFalse(text.contains("\n"), text);
    }

    @Test
    void fitsOneSms() {
        // 160 GSM-7 characters make one SMS; every further part costs again.
        String text = builder.build(Locale.ENGLISH, "Trader4 Exchange", "auth.trader4.example", "48291375", 300);
        assertTrue(text.length() <= 160, text.length() + ": " + text);
    }

    @Test
    void aServiceNameWithApostrophesAndBracesIsTakenLiterally() {
        String text = builder.build(Locale.ENGLISH, "Bob's {0} shop", null, "1", 60);

        assertTrue(text.startsWith("Your Bob's {0} shop sign-in code is 1."), text);
    }
}
