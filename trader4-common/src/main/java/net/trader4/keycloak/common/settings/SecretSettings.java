package net.trader4.keycloak.common.settings;

import org.keycloak.provider.Provider;

/**
 * The provider type of the realm component that keeps a realm's secret settings (the Twilio auth
 * token and API key secret). Keycloak answers a component's secret fields as {@code **********}
 * to every administrator and in partial exports, whereas a realm attribute is shown to anyone who
 * may view the realm; so secrets live here and every other setting in the realm's attributes.
 * Nothing is created from it: the component is only a store.
 */
public interface SecretSettings extends Provider {

    /** The component's provider type, as {@code GET /admin/realms/{realm}/components?type=…} takes it. */
    String PROVIDER_TYPE = SecretSettings.class.getName();

    /** The one component of this type a realm has, by its factory's id. */
    String PROVIDER_ID = "trader4-secrets";
}
