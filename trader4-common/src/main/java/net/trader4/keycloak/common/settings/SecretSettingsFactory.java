package net.trader4.keycloak.common.settings;

import org.keycloak.component.ComponentFactory;

/** The factory of the {@link SecretSettings} component: declares which fields are secret and checks them. */
public interface SecretSettingsFactory extends ComponentFactory<SecretSettings, SecretSettings> {
}
