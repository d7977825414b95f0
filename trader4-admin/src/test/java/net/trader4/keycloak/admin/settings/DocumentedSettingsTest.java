package net.trader4.keycloak.admin.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import net.trader4.keycloak.common.settings.RealmSetting;
import net.trader4.keycloak.common.settings.SettingsGroup;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every realm setting the admin resource offers has a row in the manual's tables. */
class DocumentedSettingsTest {

    @Test
    void everySettingIsInTheManual() throws IOException {
        String manual = Files.readString(Path.of("..", "docs", "configuration.md"))
                + Files.readString(Path.of("..", "docs", "qr-login.md"));
        for (SettingsGroup group : Trader4Settings.CATALOGUE.groups()) {
            for (RealmSetting setting : group.settings()) {
                assertTrue(manual.contains("| `" + setting.attribute() + "`"), setting.attribute() + " has no row in docs/");
            }
        }
    }
}
