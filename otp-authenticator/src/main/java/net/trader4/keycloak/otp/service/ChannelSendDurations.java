package net.trader4.keycloak.otp.service;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The last {@value #WINDOW} successful send durations of each realm and channel (keyed
 * {@code realmId/channelId}) that sent lately on this node. A key without a send for
 * {@link #IDLE_EXPIRY_NANOS} is dropped, so deleted realms and retired channels do not pile up.
 */
final class ChannelSendDurations {

    static final int WINDOW = 32;
    /**
     * Long, because a forgotten channel is not held at all until it has sent again: a realm that
     * signs someone in only now and then keeps what it learned.
     */
    static final long IDLE_EXPIRY_NANOS = TimeUnit.DAYS.toNanos(7);
    /** Sweeping is a walk over every key, so it runs at most this often and on one thread. */
    static final long SWEEP_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Map<String, Durations> byKey = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private final AtomicLong nextSweepNanos;

    /** @param nanoClock the time as {@link System#nanoTime()} gives it */
    ChannelSendDurations(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.nextSweepNanos = new AtomicLong(nanoClock.getAsLong() + SWEEP_INTERVAL_NANOS);
    }

    void record(String key, long nanos) {
        long now = nanoClock.getAsLong();
        // Added inside compute so that a concurrent sweep cannot drop the entry between lookup and add.
        byKey.compute(key, (k, durations) -> {
            Durations kept = durations == null ? new Durations() : durations;
            kept.add(nanos, now);
            return kept;
        });
        sweepIfDue(now);
    }

    /** The 90th percentile of the key's window, 0 when it has none. */
    long percentile90(String key) {
        Durations durations = byKey.get(key);
        return durations == null ? 0 : durations.percentile90();
    }

    int size() {
        return byKey.size();
    }

    private void sweepIfDue(long now) {
        long due = nextSweepNanos.get();
        if (now - due < 0 || !nextSweepNanos.compareAndSet(due, now + SWEEP_INTERVAL_NANOS)) {
            return;
        }
        for (String key : byKey.keySet()) {
            byKey.computeIfPresent(key, (k, durations) -> durations.idleLongerThan(IDLE_EXPIRY_NANOS, now) ? null : durations);
        }
    }

    /** One key's last {@value #WINDOW} durations, a ring, and when the last was added. */
    static final class Durations {
        private final long[] ring = new long[WINDOW];
        private int count;
        private int next;
        private long lastAddedNanos;

        synchronized void add(long nanos, long nowNanos) {
            ring[next] = nanos;
            next = (next + 1) % WINDOW;
            count = Math.min(count + 1, WINDOW);
            lastAddedNanos = nowNanos;
        }

        synchronized boolean idleLongerThan(long idleNanos, long nowNanos) {
            return nowNanos - lastAddedNanos > idleNanos;
        }

        synchronized long percentile90() {
            if (count == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(ring, count);
            Arrays.sort(sorted);
            return sorted[Math.min(count - 1, (int) Math.ceil(count * 0.9) - 1)];
        }
    }
}
