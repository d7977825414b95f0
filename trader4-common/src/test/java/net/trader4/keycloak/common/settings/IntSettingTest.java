package net.trader4.keycloak.common.settings;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IntSettingTest {

    private static final IntSetting TTL = new IntSetting("ttlSeconds", 120, 10, 600, "How long a code lives.");

    @Test
    void aValueIsClampedToTheBoundsAndATypoMeansTheDefault() {
        assertEquals(300, TTL.valueOf(" 300 "));
        assertEquals(10, TTL.valueOf("1"));
        assertEquals(600, TTL.valueOf("100000"));
        assertEquals(120, TTL.valueOf("12o"));
        assertEquals(120, TTL.valueOf(""));
        assertEquals(120, TTL.valueOf(null));
    }
}
