package net.trader4.keycloak.otp.service;

import net.trader4.keycloak.common.account.InMemoryUser;
import net.trader4.keycloak.otp.channel.DeliveryException;
import net.trader4.keycloak.otp.channel.OtpDelivery;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.UserLookup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.keycloak.common.util.Time;
import org.keycloak.models.UserModel;

import static net.trader4.keycloak.otp.service.OtpServiceFixture.CLIENT_IP;
import static net.trader4.keycloak.otp.service.OtpServiceFixture.OTHER_IP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class OtpServiceTest {

    private final OtpServiceFixture realm = new OtpServiceFixture();

    @AfterEach
    void resetClock() {
        Time.setOffset(0);
    }

    // ---- a code signs in ----------------------------------------------------------------------

    @Test
    void codeTheMailboxReceivedSignsTheAccountIn() throws OtpException {
        InMemoryUser alice = realm.accountWithVerifiedEmail("alice@example.com");
        Identifier typed = realm.identify("Alice@Example.com");

        SignResult sent = realm.service().sign(typed, CLIENT_IP);

        assertEquals("email", sent.channel());
        assertEquals(1, realm.email.delivered().size());
        OtpDelivery delivery = realm.email.delivered().get(0);
        assertSame(alice, delivery.user());
        assertEquals("alice@example.com", delivery.destination().value());
        assertTrue(delivery.code().matches("[0-9]{6}"), delivery.code());

        VerifiedSignIn signedIn = realm.service().verify(typed, delivery.code(), CLIENT_IP);
        assertSame(alice, signedIn.user());
        assertFalse(signedIn.registered());
    }

    @Test
    void codeSentToAMobileNumberSignsItsHolderIn() throws OtpException {
        Identifier mobile = realm.identify("+44 7888 872720");
        InMemoryUser holder = realm.accountHolding(mobile);

        SignResult sent = realm.service().sign(mobile, CLIENT_IP);

        assertEquals("sms", sent.channel());
        assertTrue(realm.email.delivered().isEmpty());
        String code = realm.sms.lastCodeTo("+447888872720");
        assertSame(holder, realm.service().verify(mobile, code, CLIENT_IP).user());
    }

    @Test
    void disabledAccountIsRefusedEvenWithTheRightCode() throws OtpException {
        InMemoryUser alice = realm.accountWithVerifiedEmail("alice@example.com");
        Identifier typed = realm.identify("alice@example.com");
        realm.service().sign(typed, CLIENT_IP);
        alice.setEnabled(false);

        assertRefused(OtpError.ACCOUNT_DISABLED,
                () -> realm.service().verify(typed, realm.email.lastCodeTo("alice@example.com"), CLIENT_IP));
    }

    // ---- wrong codes --------------------------------------------------------------------------

    @Test
    void wrongCodesCountDownTheTriesThenLockTheCode() throws OtpException {
        realm.setting("maxAttempts", 3);
        InMemoryUser alice = realm.accountWithVerifiedEmail("alice@example.com");
        Identifier typed = realm.identify("alice@example.com");
        realm.service().sign(typed, CLIENT_IP);
        String code = realm.email.lastCodeTo("alice@example.com");

        OtpException first = assertRefused(OtpError.INVALID_CODE, () -> realm.service().verify(typed, wrong(code), CLIENT_IP));
        assertEquals(2, first.attemptsLeft());
        assertEquals("The code is not correct. 2 tries left.", first.getMessage());
        assertEquals(alice.getId(), first.accountId(), "the account's failed-login count learns of it");

        OtpException second = assertRefused(OtpError.INVALID_CODE, () -> realm.service().verify(typed, wrong(code), CLIENT_IP));
        assertEquals(1, second.attemptsLeft());
        assertEquals("The code is not correct. 1 try left.", second.getMessage());

        assertRefused(OtpError.TOO_MANY_ATTEMPTS, () -> realm.service().verify(typed, wrong(code), CLIENT_IP));
        assertRefused(OtpError.TOO_MANY_ATTEMPTS, () -> realm.service().verify(typed, code, CLIENT_IP));
    }

    @Test
    void codeOfTheWrongShapeIsRefusedWithoutTakingATry() throws OtpException {
        realm.setting("maxAttempts", 1);
        realm.accountWithVerifiedEmail("alice@example.com");
        Identifier typed = realm.identify("alice@example.com");
        realm.service().sign(typed, CLIENT_IP);

        assertRefused(OtpError.INVALID_REQUEST, () -> realm.service().verify(typed, "12345", CLIENT_IP));
        assertRefused(OtpError.INVALID_REQUEST, () -> realm.service().verify(typed, "abcdef", CLIENT_IP));

        assertNotNull(realm.service().verify(typed, realm.email.lastCodeTo("alice@example.com"), CLIENT_IP).user());
    }

    @Test
    void wrongCodesFromOneNetworkAreCappedAcrossAllItsCodes() throws OtpException {
        realm.setting("failuresPerIpPerHour", 2);
        realm.accountWithVerifiedEmail("alice@example.com");
        InMemoryUser bob = realm.accountWithVerifiedEmail("bob@example.com");
        Identifier alice = realm.identify("alice@example.com");
        Identifier bobs = realm.identify("bob@example.com");
        realm.service().sign(alice, CLIENT_IP);
        realm.service().sign(bobs, CLIENT_IP);
        String bobsCode = realm.email.lastCodeTo("bob@example.com");

        assertRefused(OtpError.INVALID_CODE, () -> realm.service().verify(alice, wrong(realm.email.lastCodeTo("alice@example.com")), CLIENT_IP));
        assertRefused(OtpError.INVALID_CODE, () -> realm.service().verify(bobs, wrong(bobsCode), CLIENT_IP));

        OtpException capped = assertRefused(OtpError.RATE_LIMITED, () -> realm.service().verify(bobs, bobsCode, CLIENT_IP));
        assertTrue(capped.retryAfterSeconds() > 0);
        assertSame(bob, realm.service().verify(bobs, bobsCode, OTHER_IP).user(), "another network is not held back");
    }

    @Test
    void onceTheRealmsBudgetOfWrongCodesIsSpentAWrongCodeEndsItsCodeAtOnce() throws OtpException {
        realm.setting("failuresPerRealmPerHour", 1);
        realm.accountWithVerifiedEmail("alice@example.com");
        realm.accountWithVerifiedEmail("bob@example.com");
        Identifier alice = realm.identify("alice@example.com");
        Identifier bob = realm.identify("bob@example.com");
        realm.service().sign(alice, CLIENT_IP);
        realm.service().sign(bob, OTHER_IP);
        String bobsCode = realm.email.lastCodeTo("bob@example.com");

        OtpException withinBudget = assertRefused(OtpError.INVALID_CODE,
                () -> realm.service().verify(alice, wrong(realm.email.lastCodeTo("alice@example.com")), CLIENT_IP));
        assertEquals(4, withinBudget.attemptsLeft());

        assertRefused(OtpError.TOO_MANY_ATTEMPTS, () -> realm.service().verify(bob, wrong(bobsCode), OTHER_IP));
        assertRefused(OtpError.TOO_MANY_ATTEMPTS, () -> realm.service().verify(bob, bobsCode, OTHER_IP));
    }

    // ---- expiry and reuse ---------------------------------------------------------------------

    @Test
    void codeIsAcceptedWithinItsLifetime() throws OtpException {
        realm.setting("codeTtlSeconds", 60);
        realm.accountWithVerifiedEmail("alice@example.com");
        Identifier typed = realm.identify("alice@example.com");
        long before = Time.currentTime();
        SignResult sent = realm.service().sign(typed, CLIENT_IP);
        assertEquals(60, sent.ttlSeconds());
        assertTrue(sent.expiresAt() >= before + 60 && sent.expiresAt() <= Time.currentTime() + 60, "expires " + sent.expiresAt());

        // Not to the second: the clock is the wall clock moved on, and a test may take a moment.
        realm.advance(50);

        assertNotNull(realm.service().verify(typed, realm.email.lastCodeTo("alice@example.com"), CLIENT_IP).user());
    }

    @Test
    void codeIsRefusedOnceItsLifetimeHasPassed() throws OtpException {
        realm.setting("codeTtlSeconds", 60);
        realm.accountWithVerifiedEmail("alice@example.com");
        Identifier typed = realm.identify("alice@example.com");
        realm.service().sign(typed, CLIENT_IP);

        realm.advance(60);

        assertRefused(OtpError.EXPIRED_CODE,
                () -> realm.service().verify(typed, realm.email.lastCodeTo("alice@example.com"), CLIENT_IP));
    }

    @Test
    void usedCodeCannotSignInAgain() throws OtpException {
        realm.accountWithVerifiedEmail("alice@example.com");
        Identifier typed = realm.identify("alice@example.com");
        realm.service().sign(typed, CLIENT_IP);
        String code = realm.email.lastCodeTo("alice@example.com");
        realm.service().verify(typed, code, CLIENT_IP);

        assertRefused(OtpError.EXPIRED_CODE, () -> realm.service().verify(typed, code, CLIENT_IP));
    }

    // ---- resending ----------------------------------------------------------------------------

    @Test
    void anotherCodeWithinTheCooldownIsRefusedWithTheWaitLeft() throws OtpException {
        realm.setting("resendCooldownSeconds", 30);
        realm.accountWithVerifiedEmail("alice@example.com");
        Identifier typed = realm.identify("alice@example.com");
        assertEquals(30, realm.service().sign(typed, CLIENT_IP).cooldownSeconds());

        realm.advance(10);
        OtpException tooSoon = assertRefused(OtpError.RATE_LIMITED, () -> realm.service().sign(typed, CLIENT_IP));
        assertTrue(tooSoon.retryAfterSeconds() > 10 && tooSoon.retryAfterSeconds() <= 20, "wait " + tooSoon.retryAfterSeconds());
        assertEquals(1, realm.email.delivered().size());

        realm.advance(20);
        realm.service().sign(typed, CLIENT_IP);
        assertEquals(2, realm.email.delivered().size());
    }

    @Test
    void resentCodeReplacesTheEarlierOne() throws OtpException {
        realm.setting("resendCooldownSeconds", 0);
        realm.accountWithVerifiedEmail("alice@example.com");
        Identifier typed = realm.identify("alice@example.com");
        realm.service().sign(typed, CLIENT_IP);
        String earlier = realm.email.lastCodeTo("alice@example.com");
        realm.service().sign(typed, CLIENT_IP);
        String later = realm.email.lastCodeTo("alice@example.com");
        assumeFalse(earlier.equals(later), "two random codes happened to be equal");

        assertRefused(OtpError.INVALID_CODE, () -> realm.service().verify(typed, earlier, CLIENT_IP));
        assertNotNull(realm.service().verify(typed, later, CLIENT_IP).user());
    }

    // ---- identifiers nobody holds -------------------------------------------------------------

    @Test
    void unknownAddressIsAnsweredLikeAKnownOneButNothingIsSent() throws OtpException {
        realm.accountWithVerifiedEmail("alice@example.com");
        Identifier known = realm.identify("alice@example.com");
        Identifier unknown = realm.identify("nobody@example.com");

        SignResult toKnown = realm.service().sign(known, CLIENT_IP);
        SignResult toUnknown = realm.service().sign(unknown, CLIENT_IP);

        assertEquals(toKnown.channel(), toUnknown.channel());
        assertEquals(toKnown.ttlSeconds(), toUnknown.ttlSeconds());
        assertEquals(toKnown.cooldownSeconds(), toUnknown.cooldownSeconds());
        assertEquals(toKnown.expiresAt(), toUnknown.expiresAt(), 5);
        assertNull(toUnknown.walletMessage());
        assertEquals(1, realm.email.delivered().size(), "nothing goes to an address nobody holds");
        assertEquals("alice@example.com", realm.email.delivered().get(0).destination().value());

        // Whatever is typed next gets a wrong code's answer, never "no code pending".
        OtpException guess = assertRefused(OtpError.INVALID_CODE, () -> realm.service().verify(unknown, "123456", CLIENT_IP));
        assertEquals(4, guess.attemptsLeft());
        assertNull(guess.accountId());
        // And asking again is paced as for a real account.
        assertRefused(OtpError.RATE_LIMITED, () -> realm.service().sign(unknown, CLIENT_IP));
    }

    // ---- limits on sending --------------------------------------------------------------------

    @Test
    void oneNetworkGetsItsHourlyNumberOfCodesThenWaits() throws OtpException {
        realm.setting("sendsPerIpPerHour", 2);
        for (String address : new String[] {"a@example.com", "b@example.com", "c@example.com"}) {
            realm.accountWithVerifiedEmail(address);
        }
        realm.service().sign(realm.identify("a@example.com"), CLIENT_IP);
        realm.service().sign(realm.identify("b@example.com"), CLIENT_IP);

        OtpException capped = assertRefused(OtpError.RATE_LIMITED,
                () -> realm.service().sign(realm.identify("c@example.com"), CLIENT_IP));
        assertTrue(capped.retryAfterSeconds() > 0 && capped.retryAfterSeconds() <= 3600, "wait " + capped.retryAfterSeconds());
        assertEquals(2, realm.email.delivered().size());

        realm.service().sign(realm.identify("c@example.com"), OTHER_IP);
        assertEquals(3, realm.email.delivered().size(), "another network has its own budget");
    }

    @Test
    void oneIdentifierGetsItsHourlyNumberOfCodesWhereverTheyAreAskedFrom() throws OtpException {
        realm.setting("sendsPerIdentifierPerHour", 2).setting("resendCooldownSeconds", 0);
        realm.accountWithVerifiedEmail("alice@example.com");
        Identifier typed = realm.identify("alice@example.com");
        realm.service().sign(typed, CLIENT_IP);
        realm.service().sign(typed, OTHER_IP);

        OtpException capped = assertRefused(OtpError.RATE_LIMITED, () -> realm.service().sign(typed, "192.0.2.99"));
        assertTrue(capped.retryAfterSeconds() > 0 && capped.retryAfterSeconds() <= 3600, "wait " + capped.retryAfterSeconds());
        assertEquals(2, realm.email.delivered().size());

        realm.advance(3600);
        realm.service().sign(typed, "192.0.2.99");
        assertEquals(3, realm.email.delivered().size(), "the next hour has a fresh budget");
    }

    // ---- failed deliveries --------------------------------------------------------------------

    @Test
    void failedDeliveryStartsNoCooldownSoTheNextCodeGoesAtOnce() throws OtpException {
        realm.setting("resendCooldownSeconds", 30);
        realm.accountWithVerifiedEmail("alice@example.com");
        Identifier typed = realm.identify("alice@example.com");
        realm.email.failNextDelivery(DeliveryException.Reason.PROVIDER_UNAVAILABLE);

        OtpException failed = assertRefused(OtpError.DELIVERY_UNAVAILABLE, () -> realm.service().sign(typed, CLIENT_IP));
        assertEquals(503, failed.error().status());

        realm.service().sign(typed, CLIENT_IP);
        assertNotNull(realm.service().verify(typed, realm.email.lastCodeTo("alice@example.com"), CLIENT_IP).user());
    }

    @Test
    void destinationThatRefusesTheCodeIsReportedAsUndeliverable() throws OtpException {
        realm.accountWithVerifiedEmail("alice@example.com");
        Identifier typed = realm.identify("alice@example.com");
        realm.email.failNextDelivery(DeliveryException.Reason.DESTINATION_REJECTED);

        assertRefused(OtpError.UNDELIVERABLE, () -> realm.service().sign(typed, CLIENT_IP));
    }

    @Test
    void failedDeliveryLeavesTheCodeAlreadyPendingValid() throws OtpException {
        realm.setting("resendCooldownSeconds", 0);
        realm.accountWithVerifiedEmail("alice@example.com");
        Identifier typed = realm.identify("alice@example.com");
        realm.service().sign(typed, CLIENT_IP);
        String pending = realm.email.lastCodeTo("alice@example.com");
        realm.email.failNextDelivery(DeliveryException.Reason.PROVIDER_UNAVAILABLE);

        assertRefused(OtpError.DELIVERY_UNAVAILABLE, () -> realm.service().sign(typed, CLIENT_IP));

        assertNotNull(realm.service().verify(typed, pending, CLIENT_IP).user());
    }

    // ---- accounts made on first sign-in -------------------------------------------------------

    @Test
    void newAddressGetsAVerifiedAccountOnFirstSignInWhereTheRealmRegistersNewcomers() throws OtpException {
        realm.setting("autoRegister", true);
        Identifier typed = realm.identify("newcomer@example.com");

        realm.service().sign(typed, CLIENT_IP);
        OtpDelivery delivery = realm.email.delivered().get(0);
        assertEquals("newcomer@example.com", delivery.user().getEmail());
        assertTrue(realm.accounts.isEmpty(), "no account exists before the code comes back");

        VerifiedSignIn signedIn = realm.service().verify(typed, delivery.code(), CLIENT_IP);

        assertTrue(signedIn.registered());
        UserModel created = signedIn.user();
        assertEquals(1, realm.accounts.size());
        assertEquals("newcomer@example.com", created.getUsername());
        assertEquals("newcomer@example.com", created.getEmail());
        assertTrue(created.isEmailVerified());
        assertTrue(created.isEnabled());
    }

    @Test
    void newMobileNumberIsStoredOnTheAccountItsFirstSignInCreates() throws OtpException {
        realm.setting("autoRegister", true);
        Identifier mobile = realm.identify("+44 7888 872720");

        realm.service().sign(mobile, CLIENT_IP);
        VerifiedSignIn signedIn = realm.service().verify(mobile, realm.sms.lastCodeTo("+447888872720"), CLIENT_IP);

        assertTrue(signedIn.registered());
        assertEquals("+447888872720", signedIn.user().getFirstAttribute(UserLookup.MOBILE_ATTRIBUTE));
    }

    @Test
    void registrationTakesTheAddressFromAnAccountThatNeverVerifiedIt() throws OtpException {
        realm.setting("autoRegister", true);
        InMemoryUser squatter = realm.accountWithUnverifiedEmail("alice@example.com");
        Identifier typed = realm.identify("alice@example.com");

        realm.service().sign(typed, CLIENT_IP);
        assertFalse(realm.email.delivered().get(0).user() == squatter, "the code is not for the unverified account");
        VerifiedSignIn signedIn = realm.service().verify(typed, realm.email.lastCodeTo("alice@example.com"), CLIENT_IP);

        assertTrue(signedIn.registered());
        assertEquals("alice@example.com", signedIn.user().getUsername());
        assertNull(squatter.getEmail());
        assertTrue(squatter.getUsername().startsWith("released-"), squatter.getUsername());
    }

    @Test
    void unknownAddressGetsNoAccountWhereTheRealmDoesNotRegisterNewcomers() throws OtpException {
        Identifier typed = realm.identify("newcomer@example.com");

        realm.service().sign(typed, CLIENT_IP);

        assertTrue(realm.email.delivered().isEmpty());
        assertRefused(OtpError.INVALID_CODE, () -> realm.service().verify(typed, "123456", CLIENT_IP));
        assertTrue(realm.accounts.isEmpty());
    }

    @Test
    void codeSentWhileTheRealmRegisteredNewcomersCreatesNoAccountOnceItStopped() throws OtpException {
        realm.setting("autoRegister", true);
        Identifier typed = realm.identify("newcomer@example.com");
        realm.service().sign(typed, CLIENT_IP);
        String code = realm.email.lastCodeTo("newcomer@example.com");

        realm.setting("autoRegister", false);

        assertRefused(OtpError.INVALID_CODE, () -> realm.service().verify(typed, code, CLIENT_IP));
        assertTrue(realm.accounts.isEmpty());
    }

    @Test
    void walletHolderSignsInWithASignatureOfTheIssuedMessage() throws OtpException {
        realm.frontendUrl("https://login.trader4.example");
        EthereumTestKey key = new EthereumTestKey();
        Identifier wallet = realm.identify(key.address());
        InMemoryUser holder = realm.accountHolding(wallet);

        SignResult challenge = realm.service().sign(wallet, CLIENT_IP);

        assertEquals("wallet", challenge.channel());
        assertTrue(challenge.walletMessage().startsWith("login.trader4.example wants you to sign in"), challenge.walletMessage());
        assertSame(holder, realm.service().verify(wallet, key.personalSign(challenge.walletMessage()), CLIENT_IP).user());
    }

    @Test
    void walletWithoutAnAccountIsNeverRegisteredEvenWhereTheRealmRegistersNewcomers() throws OtpException {
        realm.setting("autoRegister", true).frontendUrl("https://login.trader4.example");
        EthereumTestKey key = new EthereumTestKey();
        Identifier wallet = realm.identify(key.address());

        SignResult challenge = realm.service().sign(wallet, CLIENT_IP);
        String signature = key.personalSign(challenge.walletMessage());

        OtpException refused = assertRefused(OtpError.INVALID_CODE, () -> realm.service().verify(wallet, signature, CLIENT_IP));
        assertEquals("No account is linked to this wallet address.", refused.getMessage());
        assertTrue(realm.accounts.isEmpty());
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** The same code with its last digit changed: never the right one. */
    private static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    private static OtpException assertRefused(OtpError expected, Executable step) {
        OtpException refusal = assertThrows(OtpException.class, step);
        assertEquals(expected, refusal.error(), refusal.getMessage());
        return refusal;
    }
}
