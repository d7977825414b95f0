package net.trader4.keycloak.otp.service;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignPacingTest {

    @Test
    void nothingLearnedMeansNoHold() {
        assertEquals(0, SignPacing.typicalSend("realm-a", "never-used"));
    }

    @Test
    void durationsAreKeptPerRealmAndChannel() {
        SignPacing.recordSend("realm-b", "email", 40_000_000L);
        SignPacing.recordSend("realm-b", "sms", 90_000_000L);
        assertEquals(40_000_000L, SignPacing.typicalSend("realm-b", "email"));
        assertEquals(90_000_000L, SignPacing.typicalSend("realm-b", "sms"));
        assertEquals(0, SignPacing.typicalSend("realm-c", "email"));
    }

    @Test
    void absurdDurationsAreCapped() {
        SignPacing.recordSend("realm-d", "email", TimeUnit.MINUTES.toNanos(10));
        assertEquals(TimeUnit.SECONDS.toNanos(15), SignPacing.typicalSend("realm-d", "email"));
    }

    @Test
    void holdSleepsOnlyForWhatIsLeft() {
        long started = System.nanoTime();
        SignPacing.holdUntil(started, TimeUnit.MILLISECONDS.toNanos(30));
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(30));
        long before = System.nanoTime();
        SignPacing.holdUntil(started - TimeUnit.SECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(30));
        assertTrue(System.nanoTime() - before < TimeUnit.MILLISECONDS.toNanos(20), "a hold already over returns at once");
    }
}
