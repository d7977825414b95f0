package net.trader4.keycloak.common.limit;

import org.keycloak.common.util.Time;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Cluster-wide counters built only from atomic {@code putIfAbsent} calls on the single-use object
 * store: a window of {@code limit} numbered slots, each taken at most once. Never a counter
 * updated with {@code replace}, which would drop the entry's lifespan.
 */
public final class RateLimiter {

    private final SingleUseObjectProvider store;

    public RateLimiter(SingleUseObjectProvider store) {
        this.store = store;
    }

    /**
     * Takes one slot of the fixed window the current time falls in.
     *
     * @return 0 when a slot was taken; otherwise the seconds until the window ends
     */
    public long acquire(String bucket, int limit, int windowSeconds) {
        long now = Time.currentTime();
        long window = now / windowSeconds;
        long secondsLeft = (window + 1) * windowSeconds - now;
        return takeSlot(bucket + ":" + window, limit, secondsLeft + 1) >= 0 ? 0 : Math.max(1, secondsLeft);
    }

    /** @return 0 while the window has slots left, else the seconds until it ends. Takes nothing. */
    public long exhaustedFor(String bucket, int limit, int windowSeconds) {
        long now = Time.currentTime();
        long window = now / windowSeconds;
        if (store.contains(bucket + ":" + window + ":" + (limit - 1))) {
            return Math.max(1, (window + 1) * windowSeconds - now);
        }
        return 0;
    }

    /**
     * Takes the next of {@code limit} slots that live {@code lifespanSeconds}, counting from 0.
     *
     * @return the slot taken, or -1 when all are taken
     */
    public int takeSlot(String key, int limit, long lifespanSeconds) {
        for (int slot = firstFreeSlot(key, limit); slot < limit; slot++) {
            if (store.putIfAbsent(key + ":" + slot, Math.max(1, lifespanSeconds))) {
                return slot;
            }
        }
        return -1;
    }

    /**
     * Slots are only ever taken upwards from the first free one and all expire together, so the
     * taken ones form a prefix: a binary search finds its end in log(limit) reads instead of one
     * remote call per slot already taken (a large hourly budget would otherwise cost hundreds).
     */
    private int firstFreeSlot(String key, int limit) {
        int low = 0;
        int high = limit;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (store.contains(key + ":" + middle)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Starts a cooldown; {@code false} when one is already running. */
    public boolean startCooldown(String key, int seconds) {
        return seconds <= 0 || store.putIfAbsent(key, seconds);
    }

    public void endCooldown(String key) {
        store.remove(key);
    }
}
