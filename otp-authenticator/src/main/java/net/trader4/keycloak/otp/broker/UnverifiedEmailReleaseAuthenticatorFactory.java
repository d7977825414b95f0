package net.trader4.keycloak.otp.broker;

import java.util.List;

import net.trader4.keycloak.common.Trader4ProviderFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/** "trader4 Release unverified email": the first-broker-login step before create-or-link. */
public class UnverifiedEmailReleaseAuthenticatorFactory implements AuthenticatorFactory, Trader4ProviderFactory<Authenticator> {

    public static final String PROVIDER_ID = "trader4-idp-release-unverified-email";
    private static final UnverifiedEmailReleaseAuthenticator SINGLETON = new UnverifiedEmailReleaseAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "trader4 Release unverified email";
    }

    @Override
    public String getHelpText() {
        return "First broker login, before creating or linking: when the identity provider's email is trusted, an account "
                + "that holds the address without having verified it loses it, so the login never links to that account.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[]{Requirement.REQUIRED, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
