package net.trader4.keycloak.otp.channel.twilio;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class VoiceTwimlBuilderTest {

    private final VoiceTwimlBuilder builder = new VoiceTwimlBuilder();

    private static Document parse(String twiml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(twiml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> says(Document document) {
        NodeList nodes = document.getElementsByTagName("Say");
        List<Element> says = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            says.add((Element) nodes.item(i));
        }
        return says;
    }

    @Test
    void readsTheDigitsOneByOneTwiceInEnglish() throws Exception {
        Document twiml = parse(builder.build(Locale.ENGLISH, "Trader4", "482913"));

        assertEquals("Response", twiml.getDocumentElement().getTagName());
        List<Element> says = says(twiml);
        assertEquals(List.of("Hello. Your Trader4 sign-in code is:", "4, 8, 2, 9, 1, 3.", "Once more, your code is:",
                "4, 8, 2, 9, 1, 3.", "Goodbye."), says.stream().map(Element::getTextContent).toList());
        says.forEach(say -> assertEquals("en-US", say.getAttribute("language")));
        says.forEach(say -> assertEquals("alice", say.getAttribute("voice")));
    }

    @Test
    void speaksGermanToGermans() throws Exception {
        List<Element> says = says(parse(builder.build(Locale.forLanguageTag("de-AT"), "Trader4", "1234")));

        says.forEach(say -> assertEquals("de-DE", say.getAttribute("language")));
        assertEquals("Hallo. Ihr Trader4-Anmeldecode lautet:", says.get(0).getTextContent());
        assertEquals("1, 2, 3, 4.", says.get(1).getTextContent());
    }

    @Test
    void keepsTheEnglishVariantTwilioCanSpeak() {
        assertEquals("en-GB", VoiceTwimlBuilder.voiceLanguage(Locale.UK));
        assertEquals("en-US", VoiceTwimlBuilder.voiceLanguage(Locale.forLanguageTag("en-NZ")));
    }

    @Test
    void fallsBackToUsEnglishWhereTwilioHasNoVoiceForTheLanguage() throws Exception {
        List<Element> says = says(parse(builder.build(Locale.forLanguageTag("fa-IR"), "Trader4", "1234")));

        says.forEach(say -> assertEquals("en-US", say.getAttribute("language")));
        assertEquals("Hello. Your Trader4 sign-in code is:", says.get(0).getTextContent());
        assertEquals("en-US", VoiceTwimlBuilder.voiceLanguage(null));
    }

    @Test
    void escapesEverythingItPlacesInTheDocument() throws Exception {
        String twiml = builder.build(Locale.ENGLISH, "<Hangup/> & \"Co\" 'Ltd'\u0007", "12<3");

        assertFalse(twiml.contains("<Hangup/>"), twiml);
        Document document = parse(twiml);
        assertEquals(0, document.getElementsByTagName("Hangup").getLength());
        assertEquals("Hello. Your <Hangup/> & \"Co\" 'Ltd' sign-in code is:", says(document).get(0).getTextContent());
        assertEquals("1, 2, <, 3.", says(document).get(1).getTextContent());
    }
}
