package net.trader4.keycloak.admin.settings;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsChangeTest {

    @Test
    void numbersFlagsAndListsBecomeText() throws Exception {
        Map<String, String> change = SettingsChange.parse("""
                {"trader4.otp.codeLength": 8, "trader4.otp.autoRegister": true,
                 "trader4.otp.channels": ["sms", "email"], "trader4.otp.defaultRegion": "GB", "trader4.qr.ttlSeconds": null}""");
        assertEquals("8", change.get("trader4.otp.codeLength"));
        assertEquals("true", change.get("trader4.otp.autoRegister"));
        assertEquals("sms,email", change.get("trader4.otp.channels"));
        assertEquals("GB", change.get("trader4.otp.defaultRegion"));
        assertTrue(change.containsKey("trader4.qr.ttlSeconds"));
        assertNull(change.get("trader4.qr.ttlSeconds"), "null unsets");
    }

    @Test
    void anythingButAnObjectIsRefused() {
        for (String body : new String[]{"", "[]", "8", "{", "{\"trader4.otp.channels\": [1]}", "{\"trader4.otp.codeLength\": {}}"}) {
            assertThrows(SettingsChange.Unreadable.class, () -> SettingsChange.parse(body), body);
        }
    }
}
