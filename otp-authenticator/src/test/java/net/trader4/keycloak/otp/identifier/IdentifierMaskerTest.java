package net.trader4.keycloak.otp.identifier;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class IdentifierMaskerTest {

    @Test
    void emailKeepsFirstLettersAndTopLevelDomain() {
        assertEquals("h\u2022@t\u2022\u2022\u20224.net", Identifier.email("hi@trader4.net").masked());
    }

    @Test
    void phoneKeepsCountryCodeAndLastFourDigits() {
        Identifier phone = new Identifier(IdentifierType.MOBILE, "+447888872720", "MOBILE", "GB");
        String masked = phone.masked();
        assertEquals("+44\u2022\u2022\u2022\u2022\u2022\u20222720", masked);
        assertFalse(masked.contains("78888"));
    }

    @Test
    void shortValuesAreStillHidden() {
        assertEquals("\u2022@\u2022\u2022.io", Identifier.email("a@xy.io").masked());
    }
}
