package net.trader4.keycloak.rest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CountryCodesTest {

    @Test
    void alpha2IsAnsweredAsAlpha3() {
        assertEquals("GBR", CountryCodes.alpha3("GB"));
        assertEquals("DEU", CountryCodes.alpha3("DE"));
        assertEquals("IRN", CountryCodes.alpha3("IR"));
    }

    @Test
    void alpha3IsKept() {
        assertEquals("GBR", CountryCodes.alpha3("GBR"));
        assertEquals("USA", CountryCodes.alpha3("USA"));
    }

    @Test
    void caseAndSurroundingSpaceDoNotMatter() {
        assertEquals("FRA", CountryCodes.alpha3(" fr "));
        assertEquals("FRA", CountryCodes.alpha3("fra"));
    }

    @Test
    void whatIsNoCountryCodeIsAnsweredAsUnknown() {
        assertNull(CountryCodes.alpha3(null));
        assertNull(CountryCodes.alpha3(""));
        assertNull(CountryCodes.alpha3("XX"));
        assertNull(CountryCodes.alpha3("United Kingdom"));
    }
}
