package net.trader4.keycloak.otp.service;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Makes {@code sign} take as long for an identifier nobody holds as for a real account: a real
 * send waits for the mail server or Twilio, a send to nobody does not, and that difference would
 * tell who has an account. Every sign is held until a typical successful send (the 90th
 * percentile of the last {@value #WINDOW} on this node, per realm and channel) has passed since
 * it began. A short window follows changes of load quickly; a high percentile keeps real sends
 * from running past the hold. Delivery stays synchronous so a failed send is still reported and consumes nothing.
 *
 * <p>Only durations live in memory, never anything about a sign-in: a node that starts afresh
 * learns them again from its first sends.
 */
final class SignPacing {

    static final int WINDOW = 32;
    private static final long MAX_HOLD_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final Map<String, Durations> BY_CHANNEL = new ConcurrentHashMap<>();

    private SignPacing() {
    }

    /** Records how long a successful send took, measured from the start of its sign. */
    static void recordSend(String realmId, String channelId, long nanos) {
        BY_CHANNEL.computeIfAbsent(realmId + '/' + channelId, k -> new Durations()).add(Math.min(nanos, MAX_HOLD_NANOS));
    }

    /** How long a sign of this realm and channel should take at least, in nanoseconds. */
    static long typicalSend(String realmId, String channelId) {
        Durations durations = BY_CHANNEL.get(realmId + '/' + channelId);
        return durations == null ? 0 : durations.percentile90();
    }

    /** Sleeps until {@code startedNanos + holdNanos} (as {@link System#nanoTime()}). */
    static void holdUntil(long startedNanos, long holdNanos) {
        long left = startedNanos + holdNanos - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last {@value #WINDOW} durations, a ring. */
    static final class Durations {
        private final long[] ring = new long[WINDOW];
        private int count;
        private int next;

        synchronized void add(long nanos) {
            ring[next] = nanos;
            next = (next + 1) % WINDOW;
            count = Math.min(count + 1, WINDOW);
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
