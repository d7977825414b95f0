package net.trader4.keycloak.twilio;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;

import com.twilio.twiml.voice.Say;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
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

    private static List<Element> children(Element parent) {
        NodeList nodes = parent.getChildNodes();
        List<Element> children = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                children.add((Element) nodes.item(i));
            }
        }
        return children;
    }

    @Test
    void pausesBeforeTheIntroductionAndBeforeTheRepetition() throws Exception {
        Element response = parse(builder.build(Locale.ENGLISH, "Trader4", "482913")).getDocumentElement();

        List<Element> verbs = children(response);
        assertEquals(List.of("Pause", "Say", "Say", "Pause", "Say", "Say", "Say"),
                verbs.stream().map(Element::getTagName).toList());
        assertEquals("1", verbs.get(0).getAttribute("length"));
        assertEquals("1", verbs.get(3).getAttribute("length"));
        verbs.forEach(verb -> assertEquals(0, children(verb).size(), "nothing nested in " + verb.getTagName()));
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
        assertEquals(Say.Language.EN_GB, VoiceTwimlBuilder.voiceLanguage(Locale.UK));
        assertEquals(Say.Language.EN_US, VoiceTwimlBuilder.voiceLanguage(Locale.forLanguageTag("en-NZ")));
    }

    @Test
    void fallsBackToUsEnglishWhereTwilioHasNoVoiceForTheLanguage() throws Exception {
        List<Element> says = says(parse(builder.build(Locale.forLanguageTag("fa-IR"), "Trader4", "1234")));

        says.forEach(say -> assertEquals("en-US", say.getAttribute("language")));
        assertEquals("Hello. Your Trader4 sign-in code is:", says.get(0).getTextContent());
        assertEquals(Say.Language.EN_US, VoiceTwimlBuilder.voiceLanguage(null));
    }

    @Test
    void escapesEverythingItPlacesInTheDocument() throws Exception {
        String twiml = builder.build(Locale.ENGLISH, "<Hangup/> & \"Co\" 'Ltd'\u0007", "12<3");

        assertFalse(twiml.contains("<Hangup/>"), twiml);
        assertTrue(twiml.contains("&lt;Hangup/&gt; &amp; "), twiml);
        assertFalse(twiml.contains("\u0007") || twiml.contains("&#7;"), "XML 1.0 has no bell, not even as a reference");
        Document document = parse(twiml);
        assertEquals(0, document.getElementsByTagName("Hangup").getLength());
        assertEquals("Hello. Your <Hangup/> & \"Co\" 'Ltd' sign-in code is:", says(document).get(0).getTextContent());
        assertEquals("1, 2, <, 3.", says(document).get(1).getTextContent());
    }
}
