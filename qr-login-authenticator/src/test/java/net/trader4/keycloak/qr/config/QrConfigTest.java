package net.trader4.keycloak.qr.config;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QrConfigTest {

    @Test
    void defaults() {
        QrConfig config = QrConfig.from(name -> null);
        assertEquals(120, config.ttlSeconds());
        assertEquals(2, config.pollIntervalSeconds());
        assertFalse(config.allowTokenOnlyCheck());
        assertEquals("trader4-qr", config.approvalClientId());
        assertEquals(Set.of(), config.approvingClientIds());
    }

    @Test
    void approvingClientsAreAListSeparatedByCommasOrSpaces() {
        QrConfig config = QrConfig.from(Map.of("approvingClientIds", " phone-app, kiosk-admin  wallet-app ")::get);
        assertEquals(Set.of("phone-app", "kiosk-admin", "wallet-app"), config.approvingClientIds());
    }

    @Test
    void valuesAreClampedAndTyposFallBack() {
        Map<String, String> values = Map.of("ttlSeconds", "100000", "pollIntervalSeconds", "fast",
                "createsPerIpPerHour", "0", "allowTokenOnlyCheck", " true ");
        QrConfig config = QrConfig.from(values::get);
        assertEquals(600, config.ttlSeconds());
        assertEquals(2, config.pollIntervalSeconds());
        assertEquals(1, config.createsPerIpPerHour());
        assertTrue(config.allowTokenOnlyCheck());
    }
}
