package net.trader4.keycloak.otp.authenticator;

import java.util.List;

import net.trader4.keycloak.common.Trader4ProviderFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers "trader4 OTP by identifier" for the admin console's flow editor. */
public class OtpFormAuthenticatorFactory implements AuthenticatorFactory, Trader4ProviderFactory<Authenticator> {

    public static final String PROVIDER_ID = "trader4-otp-form";

    private static final OtpFormAuthenticator SINGLETON = new OtpFormAuthenticator();

    private static final Requirement[] REQUIREMENT_CHOICES = {
            Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED
    };

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "trader4 OTP by identifier";
    }

    @Override
    public String getHelpText() {
        return "Asks for an email address or phone number, sends a one-time code to it and checks the code. "
                + "Settings left empty use the realm attributes trader4.otp.*.";
    }

    /**
     * Keycloak's brute-force protector counts only failures of the categories password, otp and
     * recovery-authn-codes; a wrong one-time code is an {@code otp} failure.
     */
    @Override
    public String getReferenceCategory() {
        return OTPCredentialModel.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return OtpFormConfigProperties.ALL;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENT_CHOICES;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
