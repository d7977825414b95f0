package net.trader4.keycloak.otp.service;

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
 * learns them again from its first sends, and a channel that stops sending is forgotten after a
 * while ({@link ChannelSendDurations}).
 */
final class SignPacing {

    static final int WINDOW = ChannelSendDurations.WINDOW;
    private static final long MAX_HOLD_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final ChannelSendDurations BY_CHANNEL = new ChannelSendDurations(System::nanoTime);

    private SignPacing() {
    }

    /** Records how long a successful send took, measured from the start of its sign. */
    static void recordSend(String realmId, String channelId, long nanos) {
        BY_CHANNEL.record(realmId + '/' + channelId, Math.min(nanos, MAX_HOLD_NANOS));
    }

    /** How long a sign of this realm and channel should take at least, in nanoseconds. */
    static long typicalSend(String realmId, String channelId) {
        return BY_CHANNEL.percentile90(realmId + '/' + channelId);
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
}
