package net.trader4.keycloak.rest.grant;

import java.util.HashMap;
import java.util.Map;

import net.trader4.keycloak.common.Trader4ProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.grants.OAuth2GrantType;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeFactory;

/** The one-time-code grant at Keycloak's token endpoint, which picks a grant by this factory's id. */
public class OtpGrantTypeFactory implements OAuth2GrantTypeFactory, Trader4ProviderFactory<OAuth2GrantType> {

    /** The {@code grant_type} value. */
    public static final String GRANT_TYPE = "urn:trader4:params:oauth:grant-type:otp";
    /**
     * Keycloak writes the grant that issued a token into the token's id as two letters, and refuses
     * to start when two grants share them; its own use ac, ag, cc, ci, dg, pc, pg, ro, rt and te.
     */
    static final String SHORTCUT = "t4";

    @Override
    public OAuth2GrantType create(KeycloakSession session) {
        return new OtpGrantType();
    }

    @Override
    public String getShortcut() {
        return SHORTCUT;
    }

    @Override
    public String getId() {
        return GRANT_TYPE;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new HashMap<>(Trader4ProviderFactory.super.getOperationalInfo());
        info.put("enabled-by-client-attribute", OtpGrantClients.ENABLED_ATTRIBUTE);
        return info;
    }
}
