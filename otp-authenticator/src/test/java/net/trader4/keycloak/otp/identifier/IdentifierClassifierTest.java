package net.trader4.keycloak.otp.identifier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentifierClassifierTest {

    private final IdentifierClassifier e164Only = new IdentifierClassifier(null);
    private final IdentifierClassifier iran = new IdentifierClassifier("ir");

    @Test
    void emailIsLowerCasedAndTrimmed() throws Exception {
        Identifier id = e164Only.classify("  Hi@Trader4.NET ");
        assertEquals(IdentifierType.EMAIL, id.type());
        assertEquals("hi@trader4.net", id.value());
        assertNull(id.phoneType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b", "@trader4.net", "hi@", "hi@@trader4.net", "hi@trader4..net", "hi @trader4.net"})
    void malformedEmailsAreRefused(String raw) {
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class, () -> e164Only.classify(raw));
        assertTrue(e.getMessage().length() > 10);
    }

    @Test
    void ukMobileIsMobileInE164() throws Exception {
        Identifier id = e164Only.classify("+44 7888 872720");
        assertEquals(IdentifierType.MOBILE, id.type());
        assertEquals("+447888872720", id.value());
        assertEquals("MOBILE", id.phoneType());
        assertEquals("GB", id.regionCode());
    }

    @Test
    void specLandlineIsAUanNumberReachedByVoice() throws Exception {
        Identifier id = e164Only.classify("+445528888852");
        assertEquals(IdentifierType.LANDLINE, id.type());
        assertEquals("UAN", id.phoneType());
    }

    @Test
    void northAmericanNumbersCountAsMobile() throws Exception {
        Identifier id = e164Only.classify("+1 (650) 253-0000");
        assertEquals(IdentifierType.MOBILE, id.type());
        assertEquals("FIXED_LINE_OR_MOBILE", id.phoneType());
        assertEquals("+16502530000", id.value());
    }

    @Test
    void nationalNumbersNeedADefaultRegion() throws Exception {
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class, () -> e164Only.classify("9122438874"));
        assertTrue(e.getMessage().contains("international format"), e.getMessage());
        Identifier id = iran.classify("9122438874");
        assertEquals(IdentifierType.MOBILE, id.type());
        assertEquals("+989122438874", id.value());
        assertEquals("IR", id.regionCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+19005550123", "+448712345678", "+18005550123"})
    void premiumSharedCostAndTollFreeNumbersCannotReceiveCodes(String raw) {
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class, () -> e164Only.classify(raw));
        assertTrue(e.getMessage().contains("cannot receive"), e.getMessage());
    }

    @Test
    void invalidNumbersAreRefused() {
        assertThrows(InvalidIdentifierException.class, () -> e164Only.classify("+44 12"));
        assertThrows(InvalidIdentifierException.class, () -> e164Only.classify("+999 1234 5678"));
    }

    @Test
    void walletShapedValuesAreWallets() throws Exception {
        assertEquals(IdentifierType.WALLET, e164Only.classify("0x52908400098527886E0F7030069857D2E4169EE7").type());
        assertEquals(IdentifierType.WALLET, e164Only.classify("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4").type());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hello world", "line\nbreak@example.test", "<script>", "' OR 1=1 --"})
    void garbageIsRefusedWithAMessage(String raw) {
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class, () -> e164Only.classify(raw));
        assertTrue(!e.getMessage().isBlank());
    }

    @Test
    void overlongInputIsRefusedBeforeParsing() {
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class,
                () -> e164Only.classify("a".repeat(300) + "@example.test"));
        assertTrue(e.getMessage().contains("too long"));
    }
}
