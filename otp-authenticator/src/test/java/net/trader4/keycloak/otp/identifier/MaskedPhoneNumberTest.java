package net.trader4.keycloak.otp.identifier;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MaskedPhoneNumberTest {

    private static final IdentifierClassifier CLASSIFIER = new IdentifierClassifier(null);

    @Test
    void ukMobileShowsItsFirstDigitAndLastFour() throws Exception {
        assertEquals("+44 7\u2022\u2022\u2022 \u2022\u20222720", MaskedPhoneNumber.of(CLASSIFIER.classify("+447888872720")));
    }

    @Test
    void ukLandlineRangeStaysRecognisable() throws Exception {
        assertEquals("+44 55 \u2022\u2022\u2022\u2022 8852", MaskedPhoneNumber.of(CLASSIFIER.classify("+445528888852")));
    }

    @Test
    void northAmericanNumbersKeepTheirOwnGrouping() throws Exception {
        assertEquals("+1 4\u2022\u2022-\u2022\u2022\u2022-2671", MaskedPhoneNumber.of(CLASSIFIER.classify("+14155552671")));
    }

    @Test
    void otherIdentifiersUseTheGeneralMask() throws Exception {
        Identifier email = CLASSIFIER.classify("hi@trader4.net");
        assertEquals(email.masked(), MaskedPhoneNumber.of(email));
    }
}
