package net.trader4.keycloak.otp.identifier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPConfig;

class TrustedAttributesTest {

    @Test
    void anAttributeOnlyAdminsEditRoutesSignIns() {
        UPConfig profile = profileWith("mobile_number", Set.of("admin", "user"), Set.of("admin"));
        assertTrue(TrustedAttributes.of(profile).trusted("mobile_number"));
    }

    @Test
    void anAttributeUsersEditThemselvesNeverRoutesSignIns() {
        UPConfig profile = profileWith("mobile_number", Set.of("admin", "user"), Set.of("admin", "user"));
        assertFalse(TrustedAttributes.of(profile).trusted("mobile_number"));
    }

    @Test
    void undeclaredAttributesAreTrustedUnlessUsersMayEditUnmanagedOnes() {
        UPConfig profile = profileWith("country", Set.of("user"), Set.of("user"));
        assertTrue(TrustedAttributes.of(profile).trusted("crypto_address"), "unmanaged attributes off: only code writes it");
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT);
        assertTrue(TrustedAttributes.of(profile).trusted("crypto_address"));
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ENABLED);
        assertFalse(TrustedAttributes.of(profile).trusted("crypto_address"));
    }

    @Test
    void anAttributeWithoutPermissionsIsAdminOnly() {
        UPConfig profile = new UPConfig();
        profile.addOrReplaceAttribute(new UPAttribute("phone_number"));
        assertTrue(TrustedAttributes.of(profile).trusted("phone_number"));
    }

    private static UPConfig profileWith(String name, Set<String> view, Set<String> edit) {
        UPConfig profile = new UPConfig();
        UPAttribute attribute = new UPAttribute(name);
        attribute.setPermissions(new UPAttributePermissions(view, edit));
        profile.addOrReplaceAttribute(attribute);
        return profile;
    }
}
