package net.trader4.keycloak.common.account;

import java.util.Map;
import java.util.Set;

import net.trader4.keycloak.common.settings.RealmSettings;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.OTPCredentialProvider;
import org.keycloak.credential.OTPCredentialProviderFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/**
 * A second factor the user enrolled (an authenticator app, a security key) is never skipped: a
 * one-time code to a mailbox or a SIM proves the identifier, not the account's second factor.
 */
public final class SecondFactor {

    /** What an account needs after its identifier was proven. */
    public enum Needed {
        NOTHING,
        /** A code of the authenticator app (TOTP/HOTP), which the API can take. */
        APP_CODE,
        /** Only a security key (WebAuthn), which needs a browser. */
        BROWSER
    }

    /** User-session note of sessions whose second factor this API checked. */
    public static final String SESSION_NOTE = "trader4.second_factor";
    /** Keycloak's user-session note of the executions a browser login completed. */
    private static final String COMPLETED_EXECUTIONS = "authenticators-completed";
    private static final Set<String> SECOND_FACTOR_STEPS = Set.of("auth-otp-form", "webauthn-authenticator",
            "auth-recovery-authn-code-form", "direct-grant-validate-otp");

    private SecondFactor() {
    }

    /**
     * The setting (realm attribute {@code trader4.otp.honourSecondFactor}, or a flow step's
     * config) that, set to {@code false}, lets proven identifiers alone sign in.
     */
    public static final String HONOUR_SETTING = "honourSecondFactor";
    public static final String REALM_ATTRIBUTE = "trader4.otp." + HONOUR_SETTING;

    /** Whether the realm honours enrolled second factors (the default). */
    public static boolean honouredIn(RealmModel realm) {
        return honoured(RealmSettings.value(realm, REALM_ATTRIBUTE));
    }

    /** Whether a setting's value leaves second factors honoured: all but {@code false}. */
    public static boolean honoured(String setting) {
        return setting == null || !setting.trim().equalsIgnoreCase("false");
    }

    public static Needed needed(boolean honoured, UserModel user) {
        if (!honoured) {
            return Needed.NOTHING;
        }
        if (user.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE)) {
            return Needed.APP_CODE;
        }
        if (user.credentialManager().isConfiguredFor(WebAuthnCredentialModel.TYPE_TWOFACTOR)) {
            return Needed.BROWSER;
        }
        return Needed.NOTHING;
    }

    /**
     * Notes for a session made by a QR approval: the approving phone passed the account's second
     * factor (the approval insists), so the new session has it too.
     */
    public static Map<String, String> inheritedByQrLogin(RealmModel realm, UserModel user) {
        return needed(honouredIn(realm), user) == Needed.NOTHING ? Map.of() : Map.of(SESSION_NOTE, "qr");
    }

    /** Whether a session passed a second factor: ours, or a step of Keycloak's browser flow. */
    public static boolean provenIn(RealmModel realm, UserSessionModel userSession) {
        if (userSession.getNote(SESSION_NOTE) != null) {
            return true;
        }
        Map<String, Integer> completed = AuthenticatorUtils.parseCompletedExecutions(userSession.getNote(COMPLETED_EXECUTIONS));
        return completed.keySet().stream()
                .map(realm::getAuthenticationExecutionById)
                .filter(execution -> execution != null)
                .map(AuthenticationExecutionModel::getAuthenticator)
                .anyMatch(SECOND_FACTOR_STEPS::contains);
    }

    /** Checks an authenticator-app code against each of the user's app credentials. */
    public static boolean appCodeMatches(KeycloakSession session, RealmModel realm, UserModel user, String code) {
        OTPCredentialProvider provider = (OTPCredentialProvider) session.getProvider(CredentialProvider.class,
                OTPCredentialProviderFactory.PROVIDER_ID);
        return user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                .anyMatch(credential -> provider.isValid(realm, user,
                        new UserCredentialModel(credential.getId(), OTPCredentialModel.TYPE, code)));
    }
}
