package net.trader4.keycloak.rest.grant;

import org.keycloak.models.ClientModel;

/**
 * Which clients may use the one-time-code grant: those an admin switched it on for. Client policies
 * cannot condition on a grant type Keycloak does not know, so the grant asks the client itself.
 */
public final class OtpGrantClients {

    /** Client attribute that, set to {@code true}, lets the client use the grant; off by default. */
    public static final String ENABLED_ATTRIBUTE = "trader4.otp.grantEnabled";

    private OtpGrantClients() {
    }

    public static boolean allows(ClientModel client) {
        String setting = client.getAttribute(ENABLED_ATTRIBUTE);
        return setting != null && setting.trim().equalsIgnoreCase("true");
    }
}
