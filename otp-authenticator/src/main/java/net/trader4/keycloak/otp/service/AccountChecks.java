package net.trader4.keycloak.otp.service;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

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

    public static void requireUsable(KeycloakSession session, RealmModel realm, UserModel user) throws OtpException {
        requireUsable(session, realm, user, PendingActions.REFUSE);
    }

    public static void requireUsable(KeycloakSession session, RealmModel realm, UserModel user, PendingActions pendingActions)
            throws OtpException {
        if (!user.isEnabled()) {
            throw new OtpException(OtpError.ACCOUNT_DISABLED, "This account is disabled.");
        }
        if (realm.isBruteForceProtected()) {
            BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
            if (protector.isPermanentlyLockedOut(session, realm, user)) {
                throw new OtpException(OtpError.ACCOUNT_DISABLED, "This account is locked.");
            }
            if (protector.isTemporarilyDisabled(session, realm, user)) {
                throw new OtpException(OtpError.ACCOUNT_DISABLED, "This account is temporarily locked. Try again later.");
            }
        }
        if (pendingActions == PendingActions.REFUSE && hasPendingActions(session, realm, user)) {
            throw new OtpException(OtpError.ACCOUNT_NOT_READY,
                    "This account is not fully set up. Sign in through the login page to finish it.");
        }
    }

    /**
     * Stored required actions, and those Keycloak raises by trigger at login (verify email, verify
     * profile, an expired password, ...): evaluated on a throw-away authentication session as the
     * password grant does (a trigger may also store its action on the user, as at any login).
     */
    private static boolean hasPendingActions(KeycloakSession session, RealmModel realm, UserModel user) {
        if (user.getRequiredActionsStream().findAny().isPresent()) {
            return true;
        }
        ClientModel client = session.getContext().getClient() != null ? session.getContext().getClient()
                : realm.getClientByClientId(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        if (client == null) {
            return false;
        }
        RootAuthenticationSessionModel root = session.authenticationSessions().createRootAuthenticationSession(realm);
        try {
            AuthenticationSessionModel probe = root.createAuthenticationSession(client);
            probe.setAuthenticatedUser(user);
            AuthenticationManager.evaluateRequiredActionTriggers(session, probe, session.getContext().getHttpRequest(),
                    new EventBuilder(realm, session, session.getContext().getConnection()), realm, user);
            return !probe.getRequiredActions().isEmpty() || user.getRequiredActionsStream().findAny().isPresent();
        } finally {
            session.authenticationSessions().removeRootAuthenticationSession(realm, root);
        }
    }
}
