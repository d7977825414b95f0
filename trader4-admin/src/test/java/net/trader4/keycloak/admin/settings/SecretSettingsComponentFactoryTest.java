package net.trader4.keycloak.admin.settings;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import net.trader4.keycloak.common.settings.SecretSettings;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.provider.ProviderConfigProperty;

class SecretSettingsComponentFactoryTest {

    private final SecretSettingsComponentFactory factory = new SecretSettingsComponentFactory();

    @Test
    void declaresEverySecretOfTheCatalogueAsSecretAndNothingElse() {
        List<ProviderConfigProperty> properties = factory.getConfigProperties();

        assertEquals(List.of("trader4.twilio.authToken", "trader4.twilio.apiKeySecret"),
                properties.stream().map(ProviderConfigProperty::getName).toList());
        assertTrue(properties.stream().allMatch(ProviderConfigProperty::isSecret), "Keycloak masks only fields declared secret");
        assertEquals(SecretSettings.PROVIDER_ID, factory.getId());
    }

    @Test
    void takesASecretOrAVaultReference() {
        factory.validateConfiguration(null, null, store("trader4.twilio.authToken", "s3cr3t"));
        factory.validateConfiguration(null, null, store("trader4.twilio.apiKeySecret", "${vault.key_secret}"));
    }

    @Test
    void refusesWhatIsNoSecretSettingAndABrokenVaultReference() {
        ComponentValidationException notSecret = assertThrows(ComponentValidationException.class,
                () -> factory.validateConfiguration(null, null, store("trader4.otp.codeLength", "8")));
        assertTrue(notSecret.getMessage().contains("trader4.otp.codeLength"), notSecret.getMessage());

        ComponentValidationException broken = assertThrows(ComponentValidationException.class,
                () -> factory.validateConfiguration(null, null, store("trader4.twilio.authToken", "${vault.unclosed")));
        assertTrue(broken.getMessage().contains("vault reference"), broken.getMessage());
        assertFalse(broken.getMessage().contains("unclosed"), "the refusal never echoes the value");
    }

    private static ComponentModel store(String field, String value) {
        ComponentModel model = new ComponentModel();
        model.put(field, value);
        return model;
    }
}
