package net.trader4.keycloak.otp.phone;

import java.util.List;

import net.trader4.keycloak.common.Trader4ProviderFactory;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The required action "trader4 Verified phone number": an admin adds it to a user, or a user
 * starts it from an application with {@code kc_action=trader4-verified-phone-number}.
 */
public class PhoneNumberActionFactory implements RequiredActionFactory, Trader4ProviderFactory<RequiredActionProvider> {

    public static final String PROVIDER_ID = "trader4-verified-phone-number";

    private static final PhoneNumberAction ACTION = new PhoneNumberAction();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return ACTION;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "trader4 Verified phone number";
    }

    /** Changing the number a sign-in goes to asks for a recent sign-in, as changing a password does. */
    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return MAX_AUTH_AGE_CONFIG_PROPERTIES;
    }
}
