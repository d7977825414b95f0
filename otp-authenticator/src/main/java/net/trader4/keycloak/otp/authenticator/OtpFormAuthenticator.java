package net.trader4.keycloak.otp.authenticator;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.common.account.AccountChecks;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.MaskedPhoneNumber;
import net.trader4.keycloak.otp.identifier.UserLookup;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.service.OtpService;
import net.trader4.keycloak.otp.service.SignResult;
import net.trader4.keycloak.otp.service.VerifiedSignIn;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Errors;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

/**
 * "trader4 OTP by identifier": step 1 asks for an email address, phone number or wallet address
 * and sends a code (or, for a wallet, writes a message to sign) through the shared OTP engine,
 * step 2 checks the code or signature. Wrong codes are reported as failures of
 * this execution, whose factory declares the category {@code otp}, so Keycloak's brute-force
 * detection counts them like wrong authenticator codes.
 */
public class OtpFormAuthenticator implements Authenticator {

    static final String ANOTHER_IDENTIFIER = "anotherIdentifier";
    static final String RESEND = "resend";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        new OtpLoginNotes(context.getAuthenticationSession()).clear();
        context.challenge(OtpFormPages.identifierPage(context, null, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        OtpLoginNotes notes = new OtpLoginNotes(context.getAuthenticationSession());
        // Only ever set for the one request that reports a wrong code; see reportWrongCode.
        context.getAuthenticationSession().removeAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);

        if (form.containsKey(ANOTHER_IDENTIFIER)) {
            notes.clear();
            context.challenge(OtpFormPages.identifierPage(context, null, null));
        } else if (notes.identifier() == null) {
            sendFirstCode(context, notes, form.getFirst(RefusalMessages.IDENTIFIER_FIELD));
        } else if (form.containsKey(RESEND)) {
            sendAnotherCode(context, notes, form.getFirst(RESEND));
        } else {
            checkCode(context, notes, form);
        }
    }

    private void sendFirstCode(AuthenticationFlowContext context, OtpLoginNotes notes, String typed) {
        if (typed == null || typed.isBlank()) {
            context.challenge(OtpFormPages.identifierPage(context, typed,
                    new PageMessage("trader4OtpMissingIdentifier", RefusalMessages.IDENTIFIER_FIELD)));
            return;
        }
        OtpService engine = engine(context);
        try {
            Identifier identifier = engine.identify(typed);
            SignResult sent = engine.sign(identifier, null, clientIp(context));
            notes.codeSent(identifier.value(), sent.cooldownSeconds());
            recordSend(notes, sent);
            context.challenge(new ChallengePages(context, engine, notes).render(identifier, null, false));
        } catch (OtpException refusal) {
            context.challenge(OtpFormPages.identifierPage(context, typed, RefusalMessages.onIdentifierPage(refusal)));
        }
    }

    /** A new code (or wallet message), by the channel of the button pressed or as before. */
    private void sendAnotherCode(AuthenticationFlowContext context, OtpLoginNotes notes, String button) {
        OtpService engine = engine(context);
        Identifier identifier = pendingIdentifier(context, engine, notes);
        if (identifier == null) {
            return;
        }
        ChallengePages pages = new ChallengePages(context, engine, notes);
        String requested = AlternativeChannel.requested(button, notes.requestedChannel());
        try {
            SignResult sent = engine.sign(identifier, requested, clientIp(context));
            notes.requestChannel(requested);
            notes.resendAllowedIn(sent.cooldownSeconds());
            recordSend(notes, sent);
            PageMessage done = ChallengePages.isWallet(identifier)
                    ? new PageMessage("trader4WalletNewMessage", null)
                    : new PageMessage(ChannelWording.resent(sent.channel()), null, MaskedPhoneNumber.of(identifier));
            context.challenge(pages.render(identifier, done, true));
        } catch (OtpException refusal) {
            if (refusal.retryAfterSeconds() > 0) {
                notes.resendAllowedIn(refusal.retryAfterSeconds());
            }
            context.challenge(pages.render(identifier, RefusalMessages.onResend(refusal, engine.config().codeLength()), false));
        }
    }

    private static void recordSend(OtpLoginNotes notes, SignResult sent) {
        notes.sentBy(sent.channel());
        notes.walletMessage(sent.walletMessage());
    }

    private void checkCode(AuthenticationFlowContext context, OtpLoginNotes notes, MultivaluedMap<String, String> form) {
        OtpService engine = engine(context);
        Identifier identifier = pendingIdentifier(context, engine, notes);
        if (identifier == null) {
            return;
        }
        ChallengePages pages = new ChallengePages(context, engine, notes);
        UserModel account = UserLookup.find(context.getSession(), context.getRealm(), identifier);
        String proof = form.getFirst(ChallengePages.proofField(identifier));
        String lockError = account == null ? null : AuthenticatorUtils.getDisabledByBruteForceEventError(context, account);
        if (lockError != null) {
            // The page a wrong guess gets; only the event log says the account is locked.
            context.getEvent().user(account).error(lockError);
            context.forceChallenge(pages.render(identifier, refusalMessage(engine, identifier,
                    engine.refuseWhileLocked(identifier, proof, clientIp(context))), false));
            return;
        }
        try {
            VerifiedSignIn signIn = engine.verify(identifier, proof, clientIp(context), AccountChecks.PendingActions.LEAVE_TO_FLOW);
            notes.clear();
            context.setUser(signIn.user());
            context.success(OTPCredentialModel.TYPE);
        } catch (OtpException refusal) {
            Response page = pages.render(identifier, refusalMessage(engine, identifier, refusal), false);
            if (RefusalMessages.isWrongGuess(refusal.error()) && !ChallengePages.isWallet(identifier)) {
                reportWrongCode(context, account, page);
            } else {
                // A wrong wallet signature is no guess at a secret: counting it would only let anyone lock the account.
                context.challenge(page);
            }
        }
    }

    private static PageMessage refusalMessage(OtpService engine, Identifier identifier, OtpException refusal) {
        return ChallengePages.isWallet(identifier)
                ? RefusalMessages.onWalletPage(refusal)
                : RefusalMessages.onCodePage(refusal, engine.config().codeLength());
    }

    /**
     * Keycloak logs a failed execution against the authenticated user or, before there is one,
     * against the account named by the attempted-username note. The note is set only now, after
     * the page is rendered and only when an account exists, so pages never reveal the account.
     */
    private void reportWrongCode(AuthenticationFlowContext context, UserModel account, Response page) {
        if (account != null) {
            context.getEvent().user(account);
            context.getAuthenticationSession().setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME,
                    account.getUsername());
        }
        context.getEvent().error(Errors.INVALID_USER_CREDENTIALS);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page);
    }

    /** The identifier of the pending code; a missing or unusable note starts step 1 again. */
    private Identifier pendingIdentifier(AuthenticationFlowContext context, OtpService engine, OtpLoginNotes notes) {
        try {
            return engine.identify(notes.identifier());
        } catch (OtpException e) {
            notes.clear();
            context.challenge(OtpFormPages.identifierPage(context, null, RefusalMessages.onIdentifierPage(e)));
            return null;
        }
    }

    private static OtpService engine(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        OtpConfig settings = OtpConfig.forStep(config == null ? null : config.getConfig(), context.getRealm());
        return new OtpService(context.getSession(), context.getRealm(), settings);
    }

    private static String clientIp(AuthenticationFlowContext context) {
        return context.getConnection().getRemoteAddr();
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
