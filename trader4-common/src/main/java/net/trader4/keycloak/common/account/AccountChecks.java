package net.trader4.keycloak.common.account;

import net.trader4.keycloak.common.error.SignInException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

/** The checks Keycloak's password grant makes before it lets an account sign in. */
public final class AccountChecks {

    /** What to do with an account that still has required actions to complete. */
    public enum PendingActions {
        /** Token endpoints cannot run required actions: refuse, as the password grant does. */
        REFUSE,
        /** A browser login flow runs them itself once the user is authenticated. */
        LEAVE_TO_FLOW
    }

    private AccountChecks() {
    }

    public static void requireUsable(KeycloakSession session, RealmModel realm, UserModel user) throws SignInException {
        requireUsable(session, realm, user, PendingActions.REFUSE);
    }

    public static void requireUsable(KeycloakSession session, RealmModel realm, UserModel user, PendingActions pendingActions)
            throws SignInException {
        if (!user.isEnabled()) {
            throw new SignInException(AccountError.ACCOUNT_DISABLED, "This account is disabled.");
        }
        if (realm.isBruteForceProtected()) {
            BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
            if (protector.isPermanentlyLockedOut(session, realm, user)) {
                throw new SignInException(AccountError.ACCOUNT_DISABLED, "This account is locked.");
            }
            if (protector.isTemporarilyDisabled(session, realm, user)) {
                throw new SignInException(AccountError.ACCOUNT_DISABLED, "This account is temporarily locked. Try again later.");
            }
        }
        if (pendingActions == PendingActions.REFUSE && user.getRequiredActionsStream().findAny().isPresent()) {
            throw notReady();
        }
    }

    /**
     * The refusal of an account with a required action pending. Token paths also ask Keycloak's
     * triggers (verify email, verify profile, an expired password) on the authentication session
     * they log in with, as the password grant does.
     */
    public static SignInException notReady() {
        return new SignInException(AccountError.ACCOUNT_NOT_READY,
                "This account is not fully set up. Sign in through the login page to finish it.");
    }
}
