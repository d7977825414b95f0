package net.trader4.keycloak.otp.service;

import net.trader4.keycloak.common.account.AccountChecks;
import net.trader4.keycloak.common.account.SecondFactor;
import net.trader4.keycloak.common.account.WrongCodeReport;
import net.trader4.keycloak.common.error.SignInException;
import net.trader4.keycloak.common.limit.RateLimiter;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.limit.FailureCap;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Completes a sign-in whose identifier was proven with the account's authenticator-app code:
 * the same attempt limit and per-address failure cap as codes, and each wrong code counted by
 * Keycloak's brute-force detection, as its own OTP form does.
 */
public final class SecondFactorStep {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OtpConfig config;
    private final SecondFactorTickets tickets;

    public SecondFactorStep(KeycloakSession session, RealmModel realm, OtpConfig config) {
        this.session = session;
        this.realm = realm;
        this.config = config;
        this.tickets = new SecondFactorTickets(session.singleUseObjects(), realm.getId());
    }

    /** @return the ticket's token, once the identifier was proven for an account with an app */
    public String begin(UserModel user, String clientId) {
        return tickets.issue(user.getId(), clientId);
    }

    /** @return the account, once its app code matched; the ticket is consumed */
    public UserModel complete(String token, String code, String clientIp) throws OtpException {
        String normalised = code == null ? "" : code.strip();
        if (!normalised.matches("[0-9]{6,8}")) {
            throw new OtpException(OtpError.INVALID_REQUEST, "The code must be the 6 to 8 digits your authenticator app shows.");
        }
        FailureCap failures = new FailureCap(new RateLimiter(session.singleUseObjects()), realm.getId(), clientIp, config);
        failures.requireOpen();
        SecondFactorTickets.Ticket ticket = tickets.find(token);
        UserModel user = ticket == null ? null : session.users().getUserById(realm, ticket.userId());
        if (user == null) {
            throw new OtpException(OtpError.EXPIRED_CODE, "No second step is pending for this token, or it has expired. Sign in again.");
        }
        try {
            AccountChecks.requireUsable(session, realm, user);
        } catch (SignInException e) {
            throw OtpException.of(e);
        }
        int maxAttempts = config.maxAttempts();
        int attempt = tickets.takeAttempt(ticket, maxAttempts);
        if (attempt < 0) {
            tickets.consume(token);
            throw new OtpException(OtpError.TOO_MANY_ATTEMPTS, "Too many wrong codes. Sign in again.");
        }
        if (!SecondFactor.appCodeMatches(session, realm, user, normalised)) {
            boolean realmUnderAttack = failures.recordFailure();
            WrongCodeReport.record(session, realm, user);
            int left = maxAttempts - attempt - 1;
            if (left <= 0 || realmUnderAttack) {
                tickets.consume(token);
                throw new OtpException(OtpError.TOO_MANY_ATTEMPTS, "Too many wrong codes. Sign in again.");
            }
            throw OtpException.wrongCode("The authenticator code is not correct. " + left + (left == 1 ? " try" : " tries") + " left.", left);
        }
        if (!tickets.consume(token)) {
            throw new OtpException(OtpError.EXPIRED_CODE, "This second step was already completed. Sign in again.");
        }
        return user;
    }
}
