package net.trader4.keycloak.otp.authenticator;

import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.IdentifierClassifier;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AlternativeChannelTest {

    private static final IdentifierClassifier CLASSIFIER = new IdentifierClassifier(null);

    @Test
    void aMobileThatGotAnSmsIsOfferedACall() throws Exception {
        assertEquals("voice", AlternativeChannel.offeredFor(CLASSIFIER.classify("+447888872720"), "sms", id -> true));
    }

    @Test
    void northAmericanNumbersAreOfferedACallToo() throws Exception {
        Identifier fixedLineOrMobile = CLASSIFIER.classify("+14155552671");
        assertEquals("FIXED_LINE_OR_MOBILE", fixedLineOrMobile.phoneType());
        assertEquals("voice", AlternativeChannel.offeredFor(fixedLineOrMobile, "sms", id -> true));
    }

    @Test
    void afterACallAMobileMayGoBackToSms() throws Exception {
        assertEquals("sms", AlternativeChannel.offeredFor(CLASSIFIER.classify("+447888872720"), "voice", id -> true));
    }

    @Test
    void nothingIsOfferedThatTheRealmCannotSend() throws Exception {
        assertNull(AlternativeChannel.offeredFor(CLASSIFIER.classify("+447888872720"), "sms", id -> false));
    }

    @Test
    void landlinesEmailAndTheDevelopmentLogGetNoAlternative() throws Exception {
        assertNull(AlternativeChannel.offeredFor(CLASSIFIER.classify("+445528888852"), "voice", id -> true));
        assertNull(AlternativeChannel.offeredFor(CLASSIFIER.classify("hi@trader4.net"), "email", id -> true));
        assertNull(AlternativeChannel.offeredFor(CLASSIFIER.classify("+447888872720"), "log", id -> true));
    }

    @Test
    void aResendKeepsTheChannelAskedForUnlessAButtonNamesAnother() {
        assertEquals("voice", AlternativeChannel.requested("voice", null));
        assertEquals("sms", AlternativeChannel.requested("sms", "voice"));
        assertEquals("voice", AlternativeChannel.requested("on", "voice"));
        assertNull(AlternativeChannel.requested("on", null));
        assertNull(AlternativeChannel.requested("email", null), "only the offered channels are taken from the form");
    }
}
