package net.trader4.keycloak.admin.settings;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.trader4.keycloak.common.settings.RealmSetting;
import net.trader4.keycloak.common.settings.SettingType;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTabFactoryTest {

    private final SettingsTabFactory tab = new SettingsTabFactory();
    private final Map<String, ProviderConfigProperty> fields = tab.getConfigProperties().stream()
            .collect(Collectors.toMap(ProviderConfigProperty::getName, field -> field));

    @Test
    void showsUnderRealmSettings() {
        assertEquals("/:realm/realm-settings/:tab?", tab.getPath());
        assertEquals(Map.of("tab", "trader4"), tab.getParams());
    }

    @Test
    void everySettingIsAFieldWithALabelAndNoPrefilledDefault() {
        List<RealmSetting> settings = Trader4Settings.CATALOGUE.groups().stream().flatMap(g -> g.settings().stream())
                .filter(setting -> setting.type() != SettingType.SECRET).toList();
        assertEquals(settings.size(), fields.size());
        for (RealmSetting setting : settings) {
            ProviderConfigProperty field = fields.get(setting.attribute());
            assertEquals(setting.label(), field.getLabel());
            // A prefilled default would be saved as an explicit value with the first save of the form.
            assertNull(field.getDefaultValue(), setting.attribute());
        }
    }

    @Test
    void secretsAreNotOnTheTab() {
        // The console's generic page would keep them readable in the tab's component.
        for (String secret : List.of("trader4.twilio.authToken", "trader4.twilio.apiKeySecret")) {
            assertFalse(fields.containsKey(secret), secret);
        }
    }

    @Test
    void theConsoleKeepsFieldsUnderEscapedNames() {
        assertEquals("trader4\uD83C\uDF7Aotp\uD83C\uDF7AcodeLength", SettingsTabFactory.formKey("trader4.otp.codeLength"));
    }

    @Test
    void fixedChoicesAreOffered() {
        assertEquals(List.of("email", "mobile", "landline", "wallet"), fields.get("trader4.otp.allowedIdentifierTypes").getOptions());
        assertEquals(ProviderConfigProperty.MULTIVALUED_LIST_TYPE, fields.get("trader4.otp.allowedIdentifierTypes").getType());
        assertTrue(fields.get("trader4.otp.codeLength").getHelpText().contains("6 to 10"));
    }
}
