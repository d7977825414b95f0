package net.trader4.keycloak.otp.phone;

import java.util.Map;

import net.trader4.keycloak.common.limit.InMemorySingleUseObjects;
import net.trader4.keycloak.otp.challenge.OtpChallenge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingPhoneNumbersTest {

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    private final PendingPhoneNumbers pending = new PendingPhoneNumbers(store, "realm", "user-1");

    @AfterEach
    void resetClock() {
        Time.setOffset(0);
    }

    @Test
    void keepsTheNumberAndOnlyTheHashOfTheCode() {
        PendingPhoneNumber saved = pendingFor("+447700900123", "c1");
        pending.save(saved);
        assertEquals(saved, pending.find());
        Map<String, String> notes = saved.toNotes();
        assertEquals("+447700900123", notes.get("phone"));
        assertFalse(notes.containsValue("123456"), "no code in the store");
    }

    @Test
    void eachUserHasTheirOwn() {
        pending.save(pendingFor("+447700900123", "c1"));
        assertNull(new PendingPhoneNumbers(store, "realm", "user-2").find());
        assertNull(new PendingPhoneNumbers(store, "another-realm", "user-1").find());
    }

    @Test
    void aRightCodeIsTakenOnce() {
        PendingPhoneNumber saved = pendingFor("+447700900123", "c1");
        pending.save(saved);
        assertTrue(pending.take(saved));
        assertFalse(pending.take(saved), "a replay finds nothing");
        assertNull(pending.find());
    }

    @Test
    void anOlderCodeCannotTakeANewerNumber() {
        PendingPhoneNumber older = pendingFor("+447700900123", "c1");
        pending.save(older);
        PendingPhoneNumber newer = pendingFor("+447700900999", "c2");
        pending.save(newer);
        assertFalse(pending.take(older));
        assertEquals(newer, pending.find(), "the newer one stays");
        assertTrue(pending.take(newer));
    }

    @Test
    void anExpiredNumberIsGone() {
        PendingPhoneNumber saved = pendingFor("+447700900123", "c1");
        pending.save(saved);
        Time.setOffset(301);
        assertNull(pending.find());
        assertFalse(pending.take(saved));
    }

    @Test
    void discardedIsGone() {
        pending.save(pendingFor("+447700900123", "c1"));
        pending.discard();
        assertNull(pending.find());
    }

    @Test
    void notesThatAreNoPendingNumberReadAsNone() {
        assertNull(PendingPhoneNumber.fromNotes(null));
        assertNull(PendingPhoneNumber.fromNotes(Map.of("phone", "+447700900123")));
        assertNull(PendingPhoneNumber.fromNotes(pendingFor("", "c1").toNotes()));
    }

    private static PendingPhoneNumber pendingFor(String number, String challengeId) {
        long now = Time.currentTime();
        return new PendingPhoneNumber(number, new OtpChallenge(challengeId, "hash-of-the-code", "HS512:kid", "user-1", now,
                now + 300, "sms"));
    }
}
