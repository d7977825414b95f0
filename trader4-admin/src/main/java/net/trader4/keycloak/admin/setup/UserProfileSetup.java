package net.trader4.keycloak.admin.setup;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.UserProfileProvider;

/** Declares the attributes of {@link ProfileAttribute#TRADER4} in the realm's user profile. */
final class UserProfileSetup {

    private UserProfileSetup() {
    }

    static List<SetupItem> apply(KeycloakSession session) {
        UserProfileProvider provider = session.getProvider(UserProfileProvider.class);
        UPConfig config = provider.getConfiguration().clone();
        List<SetupItem> items = apply(config);
        if (items.stream().anyMatch(item -> item.outcome() != Outcome.KEPT)) {
            provider.setConfiguration(config);
        }
        return items;
    }

    /** Brings {@code config} to what trader4 needs, in place. */
    static List<SetupItem> apply(UPConfig config) {
        List<SetupItem> items = new ArrayList<>();
        for (ProfileAttribute wanted : ProfileAttribute.TRADER4) {
            String item = "user profile attribute " + wanted.name();
            UPAttribute existing = config.getAttribute(wanted.name());
            if (existing == null) {
                config.addOrReplaceAttribute(wanted.declaration());
                items.add(SetupItem.created(item, wanted.adminEditOnly() ? "edited by admins only" : "edited by users and admins"));
            } else {
                items.add(SetupItem.fixed(item, wanted.fix(existing), "declared"));
            }
        }
        return items;
    }
}
