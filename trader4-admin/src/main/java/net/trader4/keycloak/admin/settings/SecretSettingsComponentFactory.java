package net.trader4.keycloak.admin.settings;

import java.util.List;
import java.util.Map;

import net.trader4.keycloak.common.Trader4ProviderFactory;
import net.trader4.keycloak.common.settings.InvalidSettingException;
import net.trader4.keycloak.common.settings.RealmSetting;
import net.trader4.keycloak.common.settings.SecretSettings;
import net.trader4.keycloak.common.settings.SecretSettingsFactory;
import net.trader4.keycloak.common.settings.SettingsCatalogue;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The realm's store of secret settings: a component whose fields are the catalogue's secrets,
 * each declared secret, so Keycloak shows it as {@code **********} in the admin API and in partial
 * exports. Every way a value arrives (our settings resource, Keycloak's components API, a realm
 * import) passes the same check as the settings resource.
 */
public class SecretSettingsComponentFactory implements SecretSettingsFactory, Trader4ProviderFactory<SecretSettings> {

    private static final SettingsCatalogue CATALOGUE = Trader4Settings.CATALOGUE;

    @Override
    public String getId() {
        return SecretSettings.PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "The realm's trader4 secrets (Twilio auth token, API key secret); set them through "
                + "/admin/realms/{realm}/trader4/settings.";
    }

    @Override
    public SecretSettings create(KeycloakSession session, ComponentModel model) {
        return () -> {
        };
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        for (Map.Entry<String, List<String>> field : model.getConfig().entrySet()) {
            RealmSetting setting = CATALOGUE.find(field.getKey()).filter(RealmSetting::isSecret)
                    .orElseThrow(() -> new ComponentValidationException("'" + field.getKey() + "' is not a trader4 secret setting."));
            if (field.getValue().size() > 1) {
                throw new ComponentValidationException(setting.label() + " (" + setting.attribute() + ") takes one value.");
            }
            try {
                setting.normalise(field.getValue().isEmpty() ? null : field.getValue().get(0));
            } catch (InvalidSettingException e) {
                throw new ComponentValidationException(e.getMessage());
            }
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CATALOGUE.secrets().stream().map(secret -> new ProviderConfigProperty(secret.attribute(), secret.label(),
                secret.help(), ProviderConfigProperty.PASSWORD, null, true)).toList();
    }
}
