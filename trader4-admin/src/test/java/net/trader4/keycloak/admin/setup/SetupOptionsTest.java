package net.trader4.keycloak.admin.setup;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SetupOptionsTest {

    @Test
    void theDefaultCallNeedsNoOption() {
        SetupOptions options = SetupOptions.parse(null, null);
        assertEquals("trader4 browser", options.flowAlias());
        assertTrue(options.wallets());
    }

    @Test
    void optionsAreTrimmedAndRead() {
        SetupOptions options = SetupOptions.parse(" my flow ", "FALSE");
        assertEquals("my flow", options.flowAlias());
        assertFalse(options.wallets());
    }

    @Test
    void badOptionsAreRefusedNamingTheOption() {
        assertEquals(400, assertThrows(SetupRefusal.class, () -> SetupOptions.parse("  ", null)).status().getStatusCode());
        assertTrue(assertThrows(SetupRefusal.class, () -> SetupOptions.parse("x".repeat(201), null)).getMessage().contains("flowAlias"));
        assertTrue(assertThrows(SetupRefusal.class, () -> SetupOptions.parse(null, "yes")).getMessage().contains("wallets"));
    }
}
