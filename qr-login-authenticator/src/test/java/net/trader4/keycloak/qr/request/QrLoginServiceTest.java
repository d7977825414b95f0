package net.trader4.keycloak.qr.request;

import net.trader4.keycloak.common.account.InMemoryUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.keycloak.common.util.Time;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.credential.OTPCredentialModel;

import static net.trader4.keycloak.qr.request.QrLoginFixture.REQUESTER_AGENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class QrLoginServiceTest {

    private final QrLoginFixture realm = new QrLoginFixture();

    @AfterEach
    void resetClock() {
        Time.setOffset(0);
    }

    // ---- the way through ----------------------------------------------------------------------

    @Test
    void approvedLoginIsCollectedOnceForTheApprovingAccount() throws QrException {
        QrCreated created = realm.service().create(QrOrigin.API, realm.apiClient, null);
        String token = created.request().token();
        String secret = created.secret();
        QrLoginRequest asked = realm.service().forRequester(token, secret);
        assertEquals(QrState.PENDING, realm.service().state(asked));
        assertRefused(QrError.AUTHORIZATION_PENDING, () -> realm.service().claim(asked));

        InMemoryUser phoneUser = realm.phoneUser();
        UserSessionModel phoneSession = realm.phoneSession(false);
        realm.service().decide(realm.service().find(token), phoneUser, phoneSession, true);
        assertEquals(QrState.APPROVED, realm.service().state(asked));
        verify(realm.events).created(created.request(), realm.apiClient);
        verify(realm.events).decided(asked, phoneUser, phoneSession, true);

        QrDecision decision = realm.service().claim(realm.service().forRequester(token, secret));
        assertTrue(decision.approved());
        assertEquals(phoneUser.getId(), decision.userId());
        assertEquals(QrState.CLAIMED, realm.service().state(asked));
        assertRefused(QrError.ALREADY_CLAIMED, () -> realm.service().claim(realm.service().forRequester(token, secret)));
    }

    @Test
    void newLoginKeepsWhatThePhoneIsShownAboutItsRequesterAndOnlyAHashOfTheSecret() throws QrException {
        realm.callFrom("198.51.100.20");

        QrCreated created = realm.service().create(QrOrigin.API, realm.apiClient, null);

        QrLoginRequest stored = realm.service().find(created.request().token());
        assertTrue(QrSecrets.isWellFormedToken(stored.token()), stored.token());
        assertEquals(QrOrigin.API, stored.origin());
        assertEquals("trader4-api", stored.clientId());
        assertEquals("198.51.100.20", stored.requesterIp());
        assertEquals(REQUESTER_AGENT, stored.requesterAgent());
        assertEquals(120_000, stored.expiresAtMillis() - stored.createdAtMillis(), "the realm's default life of two minutes");
        assertTrue(created.secret().matches("[0-9a-f]{64}"));
        assertNotEquals(created.secret(), stored.secretHash());
        assertTrue(QrSecrets.matches(created.secret(), stored.secretHash()));
    }

    @Test
    void deniedLoginIsRefusedToItsRequesterAndCannotBeApprovedAfterwards() throws QrException {
        QrCreated created = realm.service().create(QrOrigin.API, realm.apiClient, null);
        QrLoginRequest request = created.request();
        InMemoryUser phoneUser = realm.phoneUser();
        UserSessionModel phoneSession = realm.phoneSession(false);

        realm.service().decide(request, phoneUser, phoneSession, false);

        assertEquals(QrState.DENIED, realm.service().state(request));
        verify(realm.events).decided(request, phoneUser, phoneSession, false);
        assertRefused(QrError.ACCESS_DENIED, () -> realm.service().claim(request));
        assertRefused(QrError.ALREADY_DECIDED, () -> realm.service().decide(request, phoneUser, realm.phoneSession(false), true));
        assertEquals(QrState.DENIED, realm.service().state(request));
        verify(realm.events, never()).decided(any(), any(), any(), eq(true));
    }

    @Test
    void firstDecisionWins() throws QrException {
        QrLoginRequest request = realm.service().create(QrOrigin.API, realm.apiClient, null).request();
        InMemoryUser phoneUser = realm.phoneUser();
        realm.service().decide(request, phoneUser, realm.phoneSession(false), true);

        assertRefused(QrError.ALREADY_DECIDED, () -> realm.service().decide(request, phoneUser, realm.phoneSession(false), false));

        assertEquals(phoneUser.getId(), realm.service().claim(request).userId());
        verify(realm.events, never()).decided(any(), any(), any(), eq(false));
    }

    // ---- time ---------------------------------------------------------------------------------

    @Test
    void loginNobodyDecidedExpiresWithItsLifetime() throws QrException {
        realm.setting("ttlSeconds", 30);
        QrLoginRequest request = realm.service().create(QrOrigin.API, realm.apiClient, null).request();

        realm.advance(30);

        assertEquals(QrState.EXPIRED, realm.service().state(request));
        assertNotNull(realm.service().find(request.token()), "a late check hears 'expired', not 'unknown'");
        assertRefused(QrError.EXPIRED_TOKEN, () -> realm.service().decide(request, realm.phoneUser(), realm.phoneSession(false), true));
        assertRefused(QrError.EXPIRED_TOKEN, () -> realm.service().claim(request));
    }

    @Test
    void approvalGivenJustBeforeExpiryCanStillBeCollectedShortlyAfter() throws QrException {
        realm.setting("ttlSeconds", 30);
        QrLoginRequest request = realm.service().create(QrOrigin.API, realm.apiClient, null).request();
        InMemoryUser phoneUser = realm.phoneUser();
        realm.advance(25);
        realm.service().decide(request, phoneUser, realm.phoneSession(false), true);

        realm.advance(10);

        assertEquals(phoneUser.getId(), realm.service().claim(request).userId());
    }

    @Test
    void approvalIsNoLongerCollectedOnceTheGraceAfterExpiryHasPassed() throws QrException {
        realm.setting("ttlSeconds", 30);
        QrLoginRequest request = realm.service().create(QrOrigin.API, realm.apiClient, null).request();
        realm.service().decide(request, realm.phoneUser(), realm.phoneSession(false), true);

        realm.advance(60);

        assertEquals(QrState.EXPIRED, realm.service().state(request));
        assertRefused(QrError.EXPIRED_TOKEN, () -> realm.service().claim(request));
    }

    // ---- who may collect ----------------------------------------------------------------------

    @Test
    void requesterMustSendTheSecretItReceived() throws QrException {
        String token = realm.service().create(QrOrigin.API, realm.apiClient, null).request().token();

        assertRefused(QrError.SECRET_REQUIRED, () -> realm.service().forRequester(token, null));
        assertRefused(QrError.SECRET_REQUIRED, () -> realm.service().forRequester(token, "  "));
    }

    @Test
    void secretOfAnotherLoginOrAGuessIsRefused() throws QrException {
        QrCreated first = realm.service().create(QrOrigin.API, realm.apiClient, null);
        QrCreated second = realm.service().create(QrOrigin.API, realm.apiClient, null);
        String token = first.request().token();

        assertRefused(QrError.INVALID_SECRET, () -> realm.service().forRequester(token, second.secret()));
        assertRefused(QrError.INVALID_SECRET, () -> realm.service().forRequester(token, QrSecrets.newSecret()));
        assertRefused(QrError.INVALID_SECRET, () -> realm.service().forRequester(token, "not a secret"));
        assertEquals(token, realm.service().forRequester(token, " " + first.secret() + " ").token());
    }

    @Test
    void tokenAloneIsEnoughOnlyWhereTheRealmKeepsTheOldContract() throws QrException {
        realm.setting("allowTokenOnlyCheck", true);
        QrCreated created = realm.service().create(QrOrigin.API, realm.apiClient, null);
        String token = created.request().token();

        assertEquals(token, realm.service().forRequester(token, null).token());
        assertRefused(QrError.INVALID_SECRET, () -> realm.service().forRequester(token, QrSecrets.newSecret()));
    }

    @Test
    void browserLoginIsNeverCollectedThroughTheApi() throws QrException {
        QrCreated created = realm.service().create(QrOrigin.BROWSER, realm.apiClient, "root-auth-session");

        assertNull(created.secret());
        assertEquals("root-auth-session", created.request().authSessionId());
        String token = created.request().token();
        assertRefused(QrError.UNKNOWN_TOKEN, () -> realm.service().forRequester(token, null));
        assertRefused(QrError.UNKNOWN_TOKEN, () -> realm.service().forRequester(token, QrSecrets.newSecret()));
    }

    @Test
    void malformedAndUnknownTokensAreToldApart() {
        assertRefused(QrError.INVALID_REQUEST, () -> realm.service().find("not-a-token"));
        assertRefused(QrError.UNKNOWN_TOKEN, () -> realm.service().find(QrSecrets.newToken()));
    }

    // ---- limits and the second factor ---------------------------------------------------------

    @Test
    void oneNetworkGetsItsHourlyNumberOfQrCodesThenWaits() throws QrException {
        realm.setting("createsPerIpPerHour", 2);
        realm.service().create(QrOrigin.API, realm.apiClient, null);
        realm.service().create(QrOrigin.BROWSER, realm.apiClient, "root-auth-session");

        QrException capped = assertRefused(QrError.RATE_LIMITED, () -> realm.service().create(QrOrigin.API, realm.apiClient, null));
        assertTrue(capped.retryAfterSeconds() > 0 && capped.retryAfterSeconds() <= 3600, "wait " + capped.retryAfterSeconds());
        verify(realm.events, times(2)).created(any(), any());

        realm.callFrom("198.51.100.20");
        assertNotNull(realm.service().create(QrOrigin.API, realm.apiClient, null).secret(), "another network has its own budget");
    }

    @Test
    void approvalNeedsTheSecondFactorTheAccountHasEnrolled() throws QrException {
        QrLoginRequest request = realm.service().create(QrOrigin.API, realm.apiClient, null).request();
        InMemoryUser phoneUser = realm.phoneUser().withCredential(OTPCredentialModel.TYPE);

        assertRefused(QrError.SECOND_FACTOR_REQUIRED,
                () -> realm.service().decide(request, phoneUser, realm.phoneSession(false), true));
        assertEquals(QrState.PENDING, realm.service().state(request));
        verify(realm.events, never()).decided(any(), any(), any(), anyBoolean());

        realm.service().decide(request, phoneUser, realm.phoneSession(true), true);
        assertEquals(QrState.APPROVED, realm.service().state(request));
    }

    @Test
    void denialNeedsNoSecondFactor() throws QrException {
        QrLoginRequest request = realm.service().create(QrOrigin.API, realm.apiClient, null).request();
        InMemoryUser phoneUser = realm.phoneUser().withCredential(OTPCredentialModel.TYPE);

        realm.service().decide(request, phoneUser, realm.phoneSession(false), false);

        assertEquals(QrState.DENIED, realm.service().state(request));
    }

    private static QrException assertRefused(QrError expected, Executable step) {
        QrException refusal = assertThrows(QrException.class, step);
        assertEquals(expected, refusal.error(), refusal.getMessage());
        return refusal;
    }
}
