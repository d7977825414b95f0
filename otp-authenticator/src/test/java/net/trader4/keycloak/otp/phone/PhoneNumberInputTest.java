package net.trader4.keycloak.otp.phone;

import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PhoneNumberInputTest {

    @Test
    void aMobileIsNormalisedToE164() throws Exception {
        Identifier number = PhoneNumberInput.read(" +44 7910 123-456 ", null);
        assertEquals(IdentifierType.MOBILE, number.type());
        assertEquals("+447910123456", number.value());
    }

    @Test
    void aLandlineIsALandline() throws Exception {
        Identifier number = PhoneNumberInput.read("+445528888852", null);
        assertEquals(IdentifierType.LANDLINE, number.type());
    }

    @Test
    void aNationalNumberNeedsTheRealmsRegion() throws Exception {
        assertRefused(PhoneNumberInput.INVALID, "07910 123456", null);
        assertEquals("+447910123456", PhoneNumberInput.read("07910 123456", "GB").value());
    }

    @Test
    void whatIsNoPhoneThatTakesCodesIsRefusedWithAMessageKey() {
        assertRefused(PhoneNumberInput.MISSING, null, null);
        assertRefused(PhoneNumberInput.MISSING, "   ", null);
        assertRefused(PhoneNumberInput.INVALID, "someone@example.com", null);
        assertRefused(PhoneNumberInput.INVALID, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", null);
        assertRefused(PhoneNumberInput.INVALID, "+44 12", null);
        assertRefused(PhoneNumberInput.INVALID, "+44 909 879 0000", null);
        assertRefused(PhoneNumberInput.INVALID, "+1 800 555 0100", null);
        assertRefused(PhoneNumberInput.INVALID, "+44 7700 900123\u0000", null);
        assertRefused(PhoneNumberInput.INVALID, "9".repeat(5000), null);
    }

    private static void assertRefused(String key, String typed, String region) {
        PhoneNumberInput.Refused refused = assertThrows(PhoneNumberInput.Refused.class, () -> PhoneNumberInput.read(typed, region),
                String.valueOf(typed));
        assertEquals(key, refused.getMessage());
    }
}
