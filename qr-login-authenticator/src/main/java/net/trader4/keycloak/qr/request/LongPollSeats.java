package net.trader4.keycloak.qr.request;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The seats of this node for checks that wait for a phone. A waiting check holds one of Keycloak's
 * worker threads, a pool every request of the node shares (max(50, 4 × cores) by default), so
 * waits are capped: one per QR token, a few per client address, {@link #PER_NODE} in all. Counted
 * in this node's memory on purpose: what they protect is this node's threads.
 */
public final class LongPollSeats {

    /** Well below the smallest worker pool, so that sign-ins, tokens and pages always find threads. */
    public static final int PER_NODE = 16;

    private static final LongPollSeats NODE = new LongPollSeats(PER_NODE);

    private final int capacity;
    private final Semaphore seats;
    private final Set<String> waitingTokens = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Integer> waitingByAddress = new ConcurrentHashMap<>();

    LongPollSeats(int seats) {
        this.capacity = seats;
        this.seats = new Semaphore(seats);
    }

    public static LongPollSeats ofThisNode() {
        return NODE;
    }

    /** A seat for one waiting check, or {@code null} when a cap is reached. */
    public Seat take(String token, String address, int perAddress) {
        if (!seats.tryAcquire()) {
            return null;
        }
        if (!waitingTokens.add(token)) {
            seats.release();
            return null;
        }
        boolean[] admitted = {false};
        waitingByAddress.compute(address, (key, waiting) -> {
            int now = waiting == null ? 0 : waiting;
            if (now >= perAddress) {
                return waiting;
            }
            admitted[0] = true;
            return now + 1;
        });
        if (!admitted[0]) {
            waitingTokens.remove(token);
            seats.release();
            return null;
        }
        return new Seat(token, address);
    }

    int free() {
        return seats.availablePermits();
    }

    /** The checks waiting now. */
    int taken() {
        return capacity - seats.availablePermits();
    }

    /** A taken seat; closing it frees it. */
    public final class Seat implements AutoCloseable {

        private final String token;
        private final String address;

        private Seat(String token, String address) {
            this.token = token;
            this.address = address;
        }

        @Override
        public void close() {
            waitingByAddress.computeIfPresent(address, (key, waiting) -> waiting <= 1 ? null : waiting - 1);
            waitingTokens.remove(token);
            seats.release();
        }
    }
}
