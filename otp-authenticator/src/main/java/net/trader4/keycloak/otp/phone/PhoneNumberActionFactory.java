package net.trader4.keycloak.otp.phone;

import java.util.List;
import java.util.Map;

import net.trader4.keycloak.common.Trader4Version;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * The required action "trader4 Verified phone number": an admin adds it to a user, or a user
 * starts it from an application with {@code kc_action=trader4-verified-phone-number}.
 */
public class PhoneNumberActionFactory implements RequiredActionFactory, ServerInfoAwareProviderFactory {

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

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Trader4Version.operationalInfo();
    }
}
