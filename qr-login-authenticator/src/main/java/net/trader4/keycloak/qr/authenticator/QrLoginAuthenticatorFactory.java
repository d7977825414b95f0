package net.trader4.keycloak.qr.authenticator;

import java.util.List;

import net.trader4.keycloak.common.Trader4ProviderFactory;
import net.trader4.keycloak.qr.request.QrMetrics;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/** "trader4 QR login": a browser-flow step that signs in by scanning a QR code with a signed-in phone. */
public class QrLoginAuthenticatorFactory implements AuthenticatorFactory, Trader4ProviderFactory<Authenticator> {

    public static final String PROVIDER_ID = "trader4-qr-login";
    private static final QrLoginAuthenticator SINGLETON = new QrLoginAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "trader4 QR login";
    }

    @Override
    public String getHelpText() {
        return "Shows a QR code; a phone where the user is signed in scans and approves it, and this browser is signed in. "
                + "Put it as an ALTERNATIVE before the one-time-code form: its link falls back to the next alternative.";
    }

    @Override
    public String getReferenceCategory() {
        return "qr";
    }

    @Override
    public boolean isConfigurable() {
        // Its lifetime and poll interval are the realm's (trader4.qr.*), which the API's QR logins share.
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[]{Requirement.ALTERNATIVE, Requirement.REQUIRED, Requirement.DISABLED};
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

    @Override
    public void init(Config.Scope config) {
        // The gauge of waiting checks shows on /metrics from the start, not from the first QR login.
        QrMetrics.global();
    }
}
