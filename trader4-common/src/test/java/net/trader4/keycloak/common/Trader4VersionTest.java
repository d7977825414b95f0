package net.trader4.keycloak.common;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Trader4VersionTest {

    @Test
    void theBuildWritesTheVersionsIn() {
        assertTrue(Trader4Version.version().matches("\\d+\\.\\d+\\.\\d+.*"), Trader4Version.version());
        assertTrue(Trader4Version.keycloak().matches("\\d+\\.\\d+\\.\\d+.*"), Trader4Version.keycloak());
        assertEquals(Trader4Version.version(), Trader4Version.operationalInfo().get("trader4-version"));
    }
}
