package net.trader4.keycloak.otp.service;

import io.micrometer.core.instrument.Timer;
import net.trader4.keycloak.common.account.InMemoryUser;
import net.trader4.keycloak.otp.channel.DeliveryException;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.error.SendGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;

import static net.trader4.keycloak.otp.service.OtpServiceFixture.CLIENT_IP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** What {@link OtpService} counts on {@code /metrics} and records in Keycloak's event log. */
class OtpServiceMetersAndEventsTest {

    private final OtpServiceFixture realm = new OtpServiceFixture();

    @AfterEach
    void resetClock() {
        Time.setOffset(0);
    }

    @Test
    void codeSentIsCountedByChannelAndCountryAndRecordedForItsAccount() throws OtpException {
        InMemoryUser alice = realm.accountWithVerifiedEmail("alice@example.com");
        Identifier email = realm.identify("alice@example.com");
        Identifier mobile = realm.identify("+44 7888 872720");
        InMemoryUser holder = realm.accountHolding(mobile);

        realm.service().sign(email, CLIENT_IP);
        realm.service().sign(mobile, CLIENT_IP);

        assertEquals(1, realm.counted(OtpMetrics.CODES_SENT, "channel", "email", "country", "none", "purpose", "sign_in"));
        assertEquals(1, realm.counted(OtpMetrics.CODES_SENT, "channel", "sms", "country", "GB", "purpose", "sign_in"));
        Timer emailed = realm.meters.find(OtpMetrics.DELIVERY).tags("channel", "email", "outcome", "success").timer();
        assertEquals(1, emailed.count());
        verify(realm.events).codeSent(email, "email", alice, OtpMetrics.SIGN_IN);
        verify(realm.events).codeSent(mobile, "sms", holder, OtpMetrics.SIGN_IN);
    }

    @Test
    void codeForAnIdentifierNobodyHoldsIsNeitherCountedNorRecordedAsSent() throws OtpException {
        realm.service().sign(realm.identify("nobody@example.com"), CLIENT_IP);

        assertEquals(0, realm.counted(OtpMetrics.CODES_SENT));
        verify(realm.events, never()).codeSent(any(), any(), any(), any());
    }

    @Test
    void sendRefusedByALimitIsCountedByThatLimit() throws OtpException {
        realm.setting("resendCooldownSeconds", 30);
        realm.accountWithVerifiedEmail("alice@example.com");
        Identifier typed = realm.identify("alice@example.com");
        realm.service().sign(typed, CLIENT_IP);

        OtpException refused = assertThrows(OtpException.class, () -> realm.service().sign(typed, CLIENT_IP));

        assertEquals(SendGuard.COOLDOWN, refused.guard());
        assertEquals(1, realm.counted(OtpMetrics.SENDS_REFUSED, "guard", "cooldown", "purpose", "sign_in"));
        assertEquals(1, realm.counted(OtpMetrics.CODES_SENT), "the refused code was not sent");
        verify(realm.events).sendRefused(eq(typed), argThat(e -> e.guard() == SendGuard.COOLDOWN), eq(OtpMetrics.SIGN_IN));
    }

    @Test
    void eachLimitCountsItsOwnRefusals() throws OtpException {
        realm.setting("resendCooldownSeconds", 0).setting("sendsPerIdentifierPerHour", 1);
        realm.accountWithVerifiedEmail("alice@example.com");
        Identifier typed = realm.identify("alice@example.com");
        realm.service().sign(typed, CLIENT_IP);

        assertThrows(OtpException.class, () -> realm.service().sign(typed, CLIENT_IP));
        assertThrows(OtpException.class, () -> realm.service().sign(typed, CLIENT_IP));

        assertEquals(2, realm.counted(OtpMetrics.SENDS_REFUSED, "guard", "identifier"));
        assertEquals(0, realm.counted(OtpMetrics.SENDS_REFUSED, "guard", "cooldown"));
    }

    @Test
    void failedDeliveryIsTimedAsAFailureAndRecordedButNotCountedAsSent() throws OtpException {
        InMemoryUser alice = realm.accountWithVerifiedEmail("alice@example.com");
        Identifier typed = realm.identify("alice@example.com");
        realm.email.failNextDelivery(DeliveryException.Reason.PROVIDER_UNAVAILABLE);

        assertThrows(OtpException.class, () -> realm.service().sign(typed, CLIENT_IP));

        Timer failed = realm.meters.find(OtpMetrics.DELIVERY).tags("channel", "email", "outcome", "provider_unavailable").timer();
        assertEquals(1, failed.count());
        assertEquals(0, realm.counted(OtpMetrics.CODES_SENT));
        verify(realm.events).deliveryFailed(eq(typed), eq("email"), eq(alice),
                argThat(e -> e.reason() == DeliveryException.Reason.PROVIDER_UNAVAILABLE), eq(OtpMetrics.SIGN_IN));
    }

    @Test
    void checksAreCountedByOutcome() throws OtpException {
        realm.setting("maxAttempts", 2);
        realm.accountWithVerifiedEmail("alice@example.com");
        Identifier typed = realm.identify("alice@example.com");
        realm.service().sign(typed, CLIENT_IP);
        String code = realm.email.lastCodeTo("alice@example.com");
        String wrong = code.equals("000000") ? "111111" : "000000";

        assertThrows(OtpException.class, () -> realm.service().verify(typed, wrong, CLIENT_IP));
        realm.service().verify(typed, code, CLIENT_IP);
        OtpException replay = assertThrows(OtpException.class, () -> realm.service().verify(typed, code, CLIENT_IP));
        assertEquals(OtpError.EXPIRED_CODE, replay.error());

        assertEquals(1, realm.counted(OtpMetrics.VERIFIES, "identifier_type", "email", "outcome", "wrong_code"));
        assertEquals(1, realm.counted(OtpMetrics.VERIFIES, "identifier_type", "email", "outcome", "success"));
        assertEquals(1, realm.counted(OtpMetrics.VERIFIES, "identifier_type", "email", "outcome", "expired"));
    }

    @Test
    void codeTypedForALockedAccountCountsAsSuchThoughItIsAnsweredAsWrong() throws OtpException {
        realm.accountWithVerifiedEmail("alice@example.com");
        Identifier typed = realm.identify("alice@example.com");
        realm.service().sign(typed, CLIENT_IP);

        OtpException refusal = realm.service().refuseWhileLocked(typed, realm.email.lastCodeTo("alice@example.com"), CLIENT_IP);

        assertEquals(OtpError.INVALID_CODE, refusal.error());
        assertEquals(1, realm.counted(OtpMetrics.VERIFIES, "outcome", "account_locked"));
        assertEquals(0, realm.counted(OtpMetrics.VERIFIES, "outcome", "wrong_code"));
    }

    @Test
    void accountMadeOnFirstSignInIsRecordedAsARegistration() throws OtpException {
        realm.setting("autoRegister", true);
        Identifier typed = realm.identify("newcomer@example.com");
        realm.service().sign(typed, CLIENT_IP);

        VerifiedSignIn signedIn = realm.service().verify(typed, realm.email.lastCodeTo("newcomer@example.com"), CLIENT_IP);

        verify(realm.events).registered(signedIn.user(), typed);
    }

    @Test
    void walletMessageIsCountedAsSentByTheWalletChannelWithoutAnEvent() throws OtpException {
        realm.frontendUrl("https://login.trader4.example");
        Identifier wallet = realm.identify("0x52908400098527886E0F7030069857D2E4169EE7");

        realm.service().sign(wallet, CLIENT_IP);

        assertEquals(1, realm.counted(OtpMetrics.CODES_SENT, "channel", "wallet", "country", "none"));
        verify(realm.events, never()).codeSent(any(), any(), any(), any());
    }
}
