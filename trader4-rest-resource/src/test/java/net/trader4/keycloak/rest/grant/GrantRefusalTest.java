package net.trader4.keycloak.rest.grant;

import java.util.EnumSet;
import java.util.Set;

import net.trader4.keycloak.common.account.SecondFactor;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the verification service's refusals read to an OAuth client library (RFC 6749, section 5.2). */
class GrantRefusalTest {

    private static final Set<String> TOKEN_ENDPOINT_ERRORS = Set.of("invalid_request", "invalid_client", "invalid_grant",
            "unauthorized_client", "unsupported_grant_type", "invalid_scope");

    @Test
    void aWrongExpiredOrUsedUpCodeIsAnInvalidGrantThatSaysWhy() {
        for (OtpError error : EnumSet.of(OtpError.INVALID_CODE, OtpError.EXPIRED_CODE, OtpError.TOO_MANY_ATTEMPTS,
                OtpError.UNSUPPORTED_SIGNATURE)) {
            GrantRefusal refusal = GrantRefusal.of(new OtpException(error, "The code is not correct. 4 tries left."));
            assertEquals("invalid_grant", refusal.error(), error.name());
            assertEquals(400, refusal.status(), error.name());
            assertEquals("The code is not correct. 4 tries left.", refusal.description());
        }
    }

    @Test
    void anAccountThatMayNotSignInIsAnInvalidGrantAsInThePasswordGrant() {
        assertEquals("invalid_grant", GrantRefusal.of(new OtpException(OtpError.ACCOUNT_DISABLED, "locked")).error());
        assertEquals("invalid_grant", GrantRefusal.of(new OtpException(OtpError.ACCOUNT_NOT_READY, "not set up")).error());
    }

    @Test
    void malformedValuesAreAnInvalidRequest() {
        for (OtpError error : EnumSet.of(OtpError.INVALID_REQUEST, OtpError.INVALID_IDENTIFIER, OtpError.UNSUPPORTED_IDENTIFIER)) {
            GrantRefusal refusal = GrantRefusal.of(new OtpException(error, "The code must be 6 digits."));
            assertEquals("invalid_request", refusal.error(), error.name());
            assertEquals(400, refusal.status());
        }
    }

    @Test
    void theCapOnWrongCodesKeepsItsStatusAndSaysWhenToTryAgain() {
        GrantRefusal refusal = GrantRefusal.of(new OtpException(OtpError.RATE_LIMITED, "Too many wrong codes.", 1200));
        assertEquals(429, refusal.status());
        assertEquals("invalid_grant", refusal.error());
        assertEquals(1200, refusal.retryAfterSeconds());
    }

    @Test
    void everyRefusalIsAClientErrorOrAnOutageNeverAServerFault() {
        for (OtpError error : OtpError.values()) {
            GrantRefusal refusal = GrantRefusal.of(new OtpException(error, "x"));
            if (error == OtpError.DELIVERY_UNAVAILABLE) {
                assertEquals(503, refusal.status());
                assertEquals("temporarily_unavailable", refusal.error());
            } else {
                assertTrue(refusal.status() >= 400 && refusal.status() < 500, error + ": " + refusal);
                assertTrue(TOKEN_ENDPOINT_ERRORS.contains(refusal.error()), error + ": " + refusal);
            }
        }
    }

    @Test
    void anEnrolledSecondFactorIsRefusedWithWhereToSignInInstead() {
        GrantRefusal app = GrantRefusal.secondFactor(SecondFactor.Needed.APP_CODE);
        GrantRefusal key = GrantRefusal.secondFactor(SecondFactor.Needed.BROWSER);
        assertEquals("invalid_grant", app.error());
        assertEquals("invalid_grant", key.error());
        assertTrue(app.description().contains("authenticator app") && app.description().contains("login page"), app.description());
        assertTrue(key.description().contains("security key") && key.description().contains("login page"), key.description());
    }
}
