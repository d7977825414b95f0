package net.trader4.keycloak.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import net.trader4.keycloak.cluster.support.ApiClient;
import net.trader4.keycloak.cluster.support.KeycloakCluster;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sign} must not tell who has an account by how long it takes. Not a speed test: it
 * compares the medians of two paths measured side by side, in alternating order, so machine load
 * hits both alike. The warm-up refills the node's pacing window under the current load. A leak
 * shows in every round; a burst of load from elsewhere on a shared machine can spoil one, so a
 * round may be repeated, at most {@value #ROUNDS} in all.
 */
@Order(4)
class SignTimingIT {

    private static final int PAIRS = 50;
    private static final int WARM_UP = 40;
    private static final int ROUNDS = 3;
    private static final double TOLERANCE_MILLIS = Double.parseDouble(System.getProperty("timing.tolerance.millis", "5"));

    @Test
    void unknownIdentifiersTakeAsLongAsKnownOnes() {
        KeycloakCluster cluster = KeycloakCluster.get();
        ApiClient api = new ApiClient(cluster.node(1));
        List<String> known = new ArrayList<>();
        for (int i = 0; i < PAIRS + WARM_UP; i++) {
            known.add(cluster.admin().newEmailUser());
        }
        double gap = Double.MAX_VALUE;
        for (int round = 1; round <= ROUNDS && gap > TOLERANCE_MILLIS; round++) {
            gap = measureRound(api, known, round);
        }
        assertTrue(gap <= TOLERANCE_MILLIS, String.format("median gap %.2f ms in each of %d rounds", gap, ROUNDS));
    }

    /** One round of 50 alternating pairs; answers the gap between the medians in milliseconds. */
    private static double measureRound(ApiClient api, List<String> known, int round) {
        for (int i = 0; i < WARM_UP; i++) {
            api.timeSign(known.get(PAIRS + i));
        }
        long[] knownNanos = new long[PAIRS];
        long[] unknownNanos = new long[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            if (i % 2 == 0) {
                knownNanos[i] = api.timeSign(known.get(i));
                unknownNanos[i] = api.timeSign(unknownEmail());
            } else {
                unknownNanos[i] = api.timeSign(unknownEmail());
                knownNanos[i] = api.timeSign(known.get(i));
            }
        }
        double knownMedian = medianMillis(knownNanos);
        double unknownMedian = medianMillis(unknownNanos);
        double gap = Math.abs(knownMedian - unknownMedian);
        System.out.printf("TIMING round %d, sign over %d pairs: known median %.2f ms, unknown median %.2f ms, gap %.2f ms "
                + "(tolerance %.1f ms)%n", round, PAIRS, knownMedian, unknownMedian, gap, TOLERANCE_MILLIS);
        return gap;
    }

    private static String unknownEmail() {
        return "nobody-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    }

    private static double medianMillis(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double middle = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
        return middle / 1e6;
    }
}
