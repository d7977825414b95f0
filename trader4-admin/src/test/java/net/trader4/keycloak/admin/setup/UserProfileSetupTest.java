package net.trader4.keycloak.admin.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserProfileSetupTest {

    @Test
    void declaresEveryAttributeOnceThenKeepsThem() {
        UPConfig config = emptyProfile();
        List<SetupItem> first = UserProfileSetup.apply(config);
        assertTrue(first.stream().allMatch(item -> item.outcome() == Outcome.CREATED), first.toString());
        assertEquals(Set.of("admin"), config.getAttribute("crypto_address").getPermissions().getEdit());
        assertTrue(config.getAttribute("crypto_address").isMultivalued());
        assertEquals(Set.of("admin"), config.getAttribute("mobile_number").getPermissions().getEdit());
        assertEquals(Set.of("admin", "user"), config.getAttribute("country").getPermissions().getEdit());

        List<SetupItem> second = UserProfileSetup.apply(config);
        assertTrue(second.stream().allMatch(item -> item.outcome() == Outcome.KEPT), second.toString());
    }

    @Test
    void identifiersUsersCouldEditBecomeAdminOnly() {
        UPConfig config = emptyProfile();
        UPAttribute mobile = new UPAttribute("mobile_number", new UPAttributePermissions(Set.of("admin", "user"), Set.of("admin", "user")));
        mobile.setDisplayName("Phone (mine)");
        config.addOrReplaceAttribute(mobile);

        SetupItem item = UserProfileSetup.apply(config).stream()
                .filter(i -> i.item().endsWith("mobile_number")).findFirst().orElseThrow();
        assertEquals(Outcome.CHANGED, item.outcome());
        assertTrue(item.detail().contains("only admins may edit it"), item.detail());
        assertEquals(Set.of("admin"), config.getAttribute("mobile_number").getPermissions().getEdit());
        assertEquals("Phone (mine)", config.getAttribute("mobile_number").getDisplayName(), "the admin's label stays");
    }

    @Test
    void aUserEditableFieldAnAdminRestrictedStaysRestricted() {
        UPConfig config = emptyProfile();
        config.addOrReplaceAttribute(new UPAttribute("country", new UPAttributePermissions(Set.of("admin", "user"), Set.of("admin"))));
        SetupItem item = UserProfileSetup.apply(config).stream()
                .filter(i -> i.item().endsWith("country")).findFirst().orElseThrow();
        assertEquals(Outcome.KEPT, item.outcome());
        assertEquals(Set.of("admin"), config.getAttribute("country").getPermissions().getEdit());
    }

    /** A profile declaring no attribute yet (Keycloak's own always has username and email). */
    private static UPConfig emptyProfile() {
        UPConfig config = new UPConfig();
        config.setAttributes(new ArrayList<>());
        return config;
    }
}
