package net.trader4.keycloak.rest.signin;

import net.trader4.keycloak.common.account.SecondFactor;
import net.trader4.keycloak.common.account.WrongCodeReport;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import net.trader4.keycloak.otp.service.OtpEvents;
import net.trader4.keycloak.otp.service.OtpService;
import net.trader4.keycloak.otp.service.VerifiedSignIn;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A sign-in by an identifier and its code (or a wallet's signature), the same for every way in
 * that takes one: the API's {@code /verify} and the OAuth grant at Keycloak's token endpoint. The
 * verification service holds the attempt caps and account checks; this adds what a sign-in
 * records: a wrong code as a failed login of the account it was meant for, counted by Keycloak's
 * brute-force detection as on the login page.
 */
public final class CodeSignIn {

    /** Why an account whose second factor is a security key cannot finish signing in without a browser. */
    public static final String SECURITY_KEY_NEEDS_BROWSER =
            "This account's second factor is a security key, which only a browser can use: sign in through the login page.";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OtpService otp;

    /** @param client the client the sign-in is for, named in the events of its sends and checks */
    public CodeSignIn(KeycloakSession session, RealmModel realm, ClientModel client) {
        this.session = session;
        this.realm = realm;
        this.otp = new OtpService(session, realm, OtpConfig.forRealm(realm)).onBehalfOf(client);
    }

    public OtpService otp() {
        return otp;
    }

    public Identifier identify(String id) throws OtpException {
        return otp.identify(id);
    }

    /** Checks the code; a refusal is recorded on {@code event} as {@link #recordRefusal} says. */
    public VerifiedSignIn verify(Identifier identifier, String code, String clientIp, EventBuilder event) throws OtpException {
        event.detail("identifier_type", identifier.type().name().toLowerCase());
        try {
            return otp.verify(identifier, code, clientIp);
        } catch (OtpException e) {
            throw recordRefusal(session, realm, event, e, identifier.type() != IdentifierType.WALLET);
        }
    }

    /** What the account needs after its identifier was proven, under the realm's second-factor rule. */
    public SecondFactor.Needed secondFactorNeeded(UserModel user) {
        return SecondFactor.needed(otp.config().honourSecondFactor(), user);
    }

    /** Names the account on the event of a sign-in whose proof was accepted. */
    public static void recordSignIn(EventBuilder event, VerifiedSignIn signIn) {
        event.user(signIn.user()).detail(Details.USERNAME, signIn.user().getUsername());
        if (signIn.registered()) {
            event.detail(Details.REGISTER_METHOD, OtpEvents.AUTH_TYPE);
        }
    }

    /** Whether a refusal is a wrong guess at a code: a failed login, recorded as such. */
    public static boolean isWrongCode(OtpException e) {
        return e.error() == OtpError.INVALID_CODE || e.error() == OtpError.TOO_MANY_ATTEMPTS;
    }

    /**
     * A wrong code is a failed login of Keycloak's event log, against the account it was meant
     * for, and counts towards that account's brute-force lock-out as on the login page; other
     * refusals are not failed logins. A wrong wallet signature is no guess at a secret, so it
     * would only let anyone lock the account out: it does not count.
     *
     * @return {@code e}, for the caller to throw
     */
    public static OtpException recordRefusal(KeycloakSession session, RealmModel realm, EventBuilder event, OtpException e,
                                             boolean countsForLockOut) {
        if (isWrongCode(e)) {
            UserModel account = e.accountId() == null ? null : session.users().getUserById(realm, e.accountId());
            if (account != null) {
                event.user(account).detail(Details.USERNAME, account.getUsername());
                if (countsForLockOut) {
                    WrongCodeReport.record(session, realm, account);
                }
            }
            event.detail(Details.REASON, e.error().code()).error(Errors.INVALID_USER_CREDENTIALS);
        }
        return e;
    }
}
