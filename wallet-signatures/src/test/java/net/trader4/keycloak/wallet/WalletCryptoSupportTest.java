package net.trader4.keycloak.wallet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WalletCryptoSupportTest {

    @Test
    void bcprovIsAvailableOnTheTestClassPath() {
        assertTrue(WalletCryptoSupport.isAvailable());
    }
}
