package net.trader4.keycloak.common.settings;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** Registers {@link SecretSettings} as a component type, so a realm can hold (and import) the component. */
public class SecretSettingsSpi implements Spi {

    public static final String NAME = "trader4-secret-settings";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return SecretSettings.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return SecretSettingsFactory.class;
    }
}
