package net.trader4.keycloak.cluster.support;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MedianIntervalTest {

    @Test
    void theOrderStatisticsOfTheSignTest() {
        double[] sample = new double[50];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = sample.length - i; // 50 .. 1, unsorted on purpose
        }
        MedianInterval interval = MedianInterval.of(sample, 0.999);
        // Binomial(50, 1/2): P(B <= 13) = 0.00047 <= 0.0005 < P(B <= 14): x(14) and x(37).
        assertEquals(14, interval.low());
        assertEquals(37, interval.high());
        assertEquals(25.5, interval.median());
    }

    @Test
    void aSampleTooSmallForTheConfidenceHasNoBounds() {
        MedianInterval interval = MedianInterval.of(new double[] {1, 2, 3, 4, 5}, 0.999);
        assertEquals(Double.NEGATIVE_INFINITY, interval.low());
        assertEquals(Double.POSITIVE_INFINITY, interval.high());
        assertFalse(interval.within(1_000) || interval.beyond(0));
    }

    @Test
    void holdsThePopulationMedianAsOftenAsItPromises() {
        Random random = new Random(7);
        int misses = 0;
        int runs = 2_000;
        for (int run = 0; run < runs; run++) {
            double[] sample = new double[50];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = Math.exp(random.nextGaussian()); // log-normal: skewed like timings, median 1
            }
            MedianInterval interval = MedianInterval.of(sample, 0.99);
            if (interval.low() > 1 || interval.high() < 1) {
                misses++;
            }
        }
        assertTrue(misses <= runs * 0.02, "misses " + misses + " of " + runs);
    }

    @Test
    void withinAndBeyond() {
        assertTrue(new MedianInterval(0, -2, 3).within(3));
        assertFalse(new MedianInterval(0, -2, 3).beyond(1));
        assertTrue(new MedianInterval(8, 6, 9).beyond(5));
        assertTrue(new MedianInterval(-8, -9, -6).beyond(5));
        assertFalse(new MedianInterval(4, 4, 9).beyond(5));
    }
}
