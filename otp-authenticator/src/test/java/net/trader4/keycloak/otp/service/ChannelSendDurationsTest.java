package net.trader4.keycloak.otp.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ChannelSendDurationsTest {

    private static final long IDLE = ChannelSendDurations.IDLE_EXPIRY_NANOS;
    private static final long SWEEP = ChannelSendDurations.SWEEP_INTERVAL_NANOS;

    /** Starts near the end of the long range: nanoTime may be anywhere, and wraps. */
    private final AtomicLong now = new AtomicLong(Long.MAX_VALUE - TimeUnit.HOURS.toNanos(1));
    private final ChannelSendDurations durations = new ChannelSendDurations(now::get);

    @Test
    void theNinetiethPercentileOfTheLastWindow() {
        for (int i = 1; i <= 10; i++) {
            durations.record("realm-a/email", i * 1000L);
        }
        assertEquals(9000L, durations.percentile90("realm-a/email"));
        for (int i = 0; i < ChannelSendDurations.WINDOW; i++) {
            durations.record("realm-a/email", 50L);
        }
        assertEquals(50L, durations.percentile90("realm-a/email"), "old durations leave the window");
        assertEquals(0, durations.percentile90("realm-a/sms"));
    }

    @Test
    void keysThatStoppedSendingAreDroppedAtTheNextSweep() {
        durations.record("realm-a/email", 1000L);
        durations.record("realm-b/email", 1000L);
        durations.record("realm-b/sms", 1000L);
        assertEquals(3, durations.size());

        now.addAndGet(IDLE + SWEEP + 1);
        durations.record("realm-c/email", 2000L);

        assertEquals(1, durations.size());
        assertEquals(0, durations.percentile90("realm-a/email"));
        assertEquals(2000L, durations.percentile90("realm-c/email"));
    }

    @Test
    void keysThatKeepSendingAreKeptWithTheirWindow() {
        durations.record("realm-a/email", 1000L);
        durations.record("realm-b/email", 5000L);

        for (int day = 0; day < 30; day++) {
            now.addAndGet(TimeUnit.DAYS.toNanos(1));
            durations.record("realm-a/email", 1000L);
        }

        assertEquals(1, durations.size());
        assertEquals(1000L, durations.percentile90("realm-a/email"));
        assertEquals(0, durations.percentile90("realm-b/email"));
    }

    @Test
    void aKeyIdleForLessThanTheExpiryIsKept() {
        durations.record("realm-a/email", 1000L);

        now.addAndGet(IDLE - SWEEP);
        durations.record("realm-b/email", 1000L);

        assertEquals(2, durations.size());
        assertEquals(1000L, durations.percentile90("realm-a/email"));
    }

    @Test
    void sweepsAtMostOncePerInterval() {
        durations.record("realm-a/email", 1000L);
        now.addAndGet(IDLE);
        durations.record("realm-b/email", 1000L);
        assertEquals(2, durations.size(), "swept, but realm-a was not yet idle for longer than the expiry");

        now.addAndGet(SWEEP / 2);
        durations.record("realm-c/email", 1000L);
        assertEquals(3, durations.size(), "realm-a is overdue, but the last sweep was half an interval ago");

        now.addAndGet(SWEEP / 2);
        durations.record("realm-d/email", 1000L);
        assertEquals(3, durations.size(), "realm-a went at the next sweep");
        assertEquals(0, durations.percentile90("realm-a/email"));
    }

    @Test
    void manyDistinctKeysOverTimeStayBounded() {
        long step = TimeUnit.MINUTES.toNanos(10);
        long keysPerExpiry = IDLE / step;
        for (int i = 0; i < 5 * keysPerExpiry; i++) {
            now.addAndGet(step);
            durations.record("realm-" + i + "/email", 1000L);
        }

        assertTrue(durations.size() <= keysPerExpiry + 2, "size " + durations.size());
        assertTrue(durations.size() >= keysPerExpiry - 2, "the last week's keys are kept, size " + durations.size());
    }
}
