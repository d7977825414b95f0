package net.trader4.keycloak.otp.identifier;

import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.UserProfileProvider;

/**
 * Which user attributes may route a sign-in: only those a user cannot write into their own
 * profile. A value anyone could type (a victim's number in an attacker's profile) would otherwise
 * decide whose account a sign-in enters, or make the owner's number ambiguous.
 */
public final class TrustedAttributes {

    private static final String USER = "user";

    private final UPConfig profile;

    private TrustedAttributes(UPConfig profile) {
        this.profile = profile;
    }

    /** The current realm's user profile, as Keycloak enforces it. */
    public static TrustedAttributes of(KeycloakSession session) {
        UserProfileProvider provider = session.getProvider(UserProfileProvider.class);
        return new TrustedAttributes(provider == null ? null : provider.getConfiguration());
    }

    static TrustedAttributes of(UPConfig profile) {
        return new TrustedAttributes(profile);
    }

    public boolean trusted(String attribute) {
        if (profile == null) {
            return true;
        }
        UPAttribute declared = profile.getAttribute(attribute);
        if (declared == null) {
            return profile.getUnmanagedAttributePolicy() != UPConfig.UnmanagedAttributePolicy.ENABLED;
        }
        UPAttributePermissions permissions = declared.getPermissions();
        Set<String> edit = permissions == null ? null : permissions.getEdit();
        return edit == null || !edit.contains(USER);
    }
}
