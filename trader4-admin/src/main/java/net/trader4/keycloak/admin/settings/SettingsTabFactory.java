package net.trader4.keycloak.admin.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import net.trader4.keycloak.common.Trader4ProviderFactory;
import net.trader4.keycloak.common.settings.RealmSetting;
import net.trader4.keycloak.common.settings.RealmSettings;
import net.trader4.keycloak.common.settings.SettingType;
import net.trader4.keycloak.common.settings.SettingsCatalogue;
import net.trader4.keycloak.common.settings.SettingsGroup;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

/**
 * The "trader4" tab under Realm settings in the admin console, shown when Keycloak runs with the
 * experimental feature {@code declarative-ui}. Keycloak keeps the tab's form as a component of the
 * realm; this factory checks it with the same catalogue as the admin REST resource and copies the
 * values into the realm's attributes, which stay the one store every sign-in reads.
 */
public class SettingsTabFactory implements UiTabProvider, UiTabProviderFactory<ComponentModel>,
        Trader4ProviderFactory<UiTabProvider> {

    public static final String ID = "trader4";

    private static final SettingsCatalogue CATALOGUE = Trader4Settings.CATALOGUE;
    private static final Logger LOG = Logger.getLogger(SettingsTabFactory.class);

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getPath() {
        return "/:realm/realm-settings/:tab?";
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", ID);
    }

    @Override
    public String getHelpText() {
        return "trader4 sign-in settings of this realm: one-time codes, QR login, Twilio, the API client. "
                + "An empty field means the default.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        for (SettingsGroup group : CATALOGUE.groups()) {
            for (RealmSetting setting : onTab(group)) {
                properties.add(property(group, setting));
            }
        }
        return properties;
    }

    @Override
    public ComponentModel create(KeycloakSession session, ComponentModel model) {
        return model;
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        ComponentModel saved = model.getId() == null ? null : realm.getComponent(model.getId());
        checked(realm, edits(realm, saved, model));
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        RealmSettings.write(realm, CATALOGUE, checked(realm, edits(realm, null, model)));
        // The first form was empty where the realm already had values; from now on it shows them.
        mirror(realm);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        RealmSettings.write(realm, CATALOGUE, checked(realm, edits(realm, oldModel, newModel)));
    }

    /** The realm's tab, if an administrator ever saved it: the admin REST resource keeps it in step. */
    static Optional<ComponentModel> of(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UiTabProvider.class.getName())
                .filter(component -> ID.equals(component.getProviderId())).findFirst();
    }

    /**
     * Copies the realm's settings into the tab's form after a change through the REST resource, so
     * the console never shows stale values. All of them, not only the change: the attributes may
     * also have been changed by a realm update or import, and saving the form writes every field back.
     */
    static void mirror(RealmModel realm) {
        of(realm).map(ComponentModel::new).ifPresent(tab -> {
            for (SettingsGroup group : CATALOGUE.groups()) {
                for (RealmSetting setting : onTab(group)) {
                    String value = RealmSettings.value(realm, setting.attribute());
                    // Under both names: Keycloak answers the declared one, the console's form writes the escaped one.
                    for (String key : List.of(setting.attribute(), formKey(setting.attribute()))) {
                        if (value == null) {
                            tab.getConfig().remove(key);
                        } else {
                            tab.getConfig().put(key, setting.type() == SettingType.LIST ? List.of(value.split(",")) : List.of(value));
                        }
                    }
                }
            }
            try {
                realm.updateComponent(tab);
            } catch (ComponentValidationException e) {
                // The realm holds a value from an import that the form refuses; the console shows the old form.
                LOG.warnf("The trader4 tab of realm %s was not updated: %s", realm.getName(), e.getMessage());
            }
        });
    }

    private static Map<String, Optional<String>> checked(RealmModel realm, Map<String, String> edits) {
        try {
            return CATALOGUE.check(edits, RealmSettings.reader(realm, CATALOGUE));
        } catch (SettingsCatalogue.Refusal e) {
            throw new ComponentValidationException(e.getMessage());
        }
    }

    /**
     * The fields the administrator edited: those that differ from the form as it was saved. The
     * first form starts empty, so on a first save only the fields filled in count. Only these are
     * checked and written, so a value the realm got elsewhere (an import) is not rewritten by
     * saving an unrelated field.
     */
    private static Map<String, String> edits(RealmModel realm, ComponentModel before, ComponentModel after) {
        Map<String, String> edits = new LinkedHashMap<>();
        for (SettingsGroup group : CATALOGUE.groups()) {
            for (RealmSetting setting : onTab(group)) {
                String attribute = setting.attribute();
                String now = text(after, attribute);
                boolean edited = before == null ? now != null : !Objects.equals(text(before, attribute), now);
                if (edited) {
                    edits.put(attribute, now);
                }
            }
        }
        return edits;
    }

    /**
     * Every setting but the secrets: the console's generic page saves its fields under escaped
     * names, which Keycloak does not recognise as secret, so a secret would be kept readable in the
     * component. Secrets are set through the REST resource only.
     */
    private static List<RealmSetting> onTab(SettingsGroup group) {
        return group.settings().stream().filter(setting -> !setting.isSecret()).toList();
    }

    /**
     * The key the console's form keeps a field under: its generic page writes the field names with
     * every dot replaced by U+1F37A (the admin UI's escape for dots in form paths) and saves them so.
     */
    static String formKey(String attribute) {
        return attribute.replace(".", "\uD83C\uDF7A");
    }

    private static String text(ComponentModel model, String attribute) {
        List<String> values = model.getConfig().containsKey(formKey(attribute))
                ? model.getConfig().get(formKey(attribute)) : model.getConfig().get(attribute);
        String text = values == null ? null : String.join(",", values.stream().filter(v -> v != null && !v.isBlank()).toList());
        return text == null || text.isBlank() ? null : text;
    }

    private static ProviderConfigProperty property(SettingsGroup group, RealmSetting setting) {
        ProviderConfigProperty property = new ProviderConfigProperty();
        property.setName(setting.attribute());
        property.setLabel(setting.label());
        String bounds = setting.type() == SettingType.INT ? " " + setting.min() + " to " + setting.max() + "." : "";
        String fallback = setting.defaultValue() == null ? "" : " Empty: " + setting.defaultValue() + ".";
        property.setHelpText(group.name() + ": " + setting.help() + bounds + fallback);
        switch (setting.type()) {
            case BOOLEAN -> {
                property.setType(ProviderConfigProperty.LIST_TYPE);
                property.setOptions(List.of("", "true", "false"));
            }
            case LIST -> property.setType(setting.options().isEmpty()
                    ? ProviderConfigProperty.MULTIVALUED_STRING_TYPE : ProviderConfigProperty.MULTIVALUED_LIST_TYPE);
            default -> property.setType(ProviderConfigProperty.STRING_TYPE);
        }
        if (setting.type() == SettingType.LIST && !setting.options().isEmpty()) {
            property.setOptions(setting.options());
        }
        return property;
    }

    @Override
    public void close() {
    }
}
