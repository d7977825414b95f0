package net.trader4.keycloak.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import net.trader4.keycloak.cluster.support.KeycloakCluster;
import net.trader4.keycloak.cluster.support.MedianInterval;
import net.trader4.keycloak.testsupport.ApiClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code sign} must not tell who has an account by how long it takes. Not a speed test: each of
 * {@value #PAIRS} pairs times a known and an unknown identifier back to back, in alternating order,
 * so machine load hits both alike, and the test judges the differences within pairs. The warm-up
 * refills the node's pacing window under the current load.
 *
 * <p>It fails when the differences show, at {@value #CONFIDENCE} confidence, that their median lies
 * beyond the tolerance: the sign test's interval for a median, which assumes no shape of the timings.
 * A leak (a send the unknown path skips) moves every pair by the time of a send and the whole
 * interval with it. Load only widens the interval, which can leave a round undecided but never
 * fails it. A round that shows the paths alike (the interval within the tolerance) ends the test;
 * otherwise another round is pooled with the earlier ones, {@value #ROUNDS} in all, so that a burst
 * of load from elsewhere on a shared machine, which can spoil a round, is outweighed.
 */
@Order(4)
class SignTimingIT {

    private static final int PAIRS = 50;
    private static final int WARM_UP = 40;
    private static final int ROUNDS = 3;
    private static final double CONFIDENCE = 0.999;
    private static final double TOLERANCE_MILLIS = Double.parseDouble(System.getProperty("timing.tolerance.millis", "5"));

    @Test
    void unknownIdentifiersTakeAsLongAsKnownOnes() {
        KeycloakCluster cluster = KeycloakCluster.get();
        ApiClient api = cluster.node(1).api();
        List<String> known = new ArrayList<>();
        for (int i = 0; i < PAIRS + WARM_UP; i++) {
            known.add(cluster.admin().newEmailUser());
        }
        double[] differences = new double[0];
        MedianInterval gap = null;
        for (int round = 1; round <= ROUNDS; round++) {
            differences = concat(differences, measureRound(api, known, round));
            gap = MedianInterval.of(differences, CONFIDENCE);
            System.out.printf("TIMING after round %d, %d pairs: median difference known - unknown %.2f ms, %.1f%% interval "
                    + "[%.2f, %.2f] ms (tolerance %.1f ms)%n", round, differences.length, gap.median(), CONFIDENCE * 100,
                    gap.low(), gap.high(), TOLERANCE_MILLIS);
            if (gap.within(TOLERANCE_MILLIS)) {
                break;
            }
        }
        System.out.println("TIMING " + (gap.within(TOLERANCE_MILLIS) ? "alike within the tolerance"
                : gap.beyond(TOLERANCE_MILLIS) ? "a difference beyond the tolerance"
                : "undecided: no difference beyond the tolerance shown"));
        assertFalse(gap.beyond(TOLERANCE_MILLIS), String.format("sign tells known identifiers from unknown ones: over %d pairs "
                + "the median difference is %.2f ms and its %.1f%% interval [%.2f, %.2f] ms lies beyond ±%.1f ms",
                differences.length, gap.median(), CONFIDENCE * 100, gap.low(), gap.high(), TOLERANCE_MILLIS));
    }

    /** One round of {@value #PAIRS} alternating pairs; answers each pair's known minus unknown time in milliseconds. */
    private static double[] measureRound(ApiClient api, List<String> known, int round) {
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
        double[] differences = new double[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            differences[i] = (knownNanos[i] - unknownNanos[i]) / 1e6;
        }
        System.out.printf("TIMING round %d, sign over %d pairs: known median %.2f ms, unknown median %.2f ms, "
                + "median difference within a pair %.2f ms%n", round, PAIRS, medianMillis(knownNanos), medianMillis(unknownNanos),
                MedianInterval.of(differences, CONFIDENCE).median());
        return differences;
    }

    private static double[] concat(double[] first, double[] second) {
        double[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static String unknownEmail() {
        return "nobody-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    }

    private static double medianMillis(long[] nanos) {
        double[] millis = new double[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            millis[i] = nanos[i] / 1e6;
        }
        return MedianInterval.of(millis, CONFIDENCE).median();
    }
}
