package net.trader4.keycloak.docker.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a state: asks again every 200 ms until the answer is not null, or the bound passes. */
public final class Poll {

    private Poll() {
    }

    public static <T> T until(Duration bound, String what, Supplier<T> state) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            T answer = state.get();
            if (answer != null) {
                return answer;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still no " + what + " after " + bound.toSeconds() + " s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
