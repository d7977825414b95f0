package net.trader4.keycloak.cluster.support;

import java.util.Arrays;

/**
 * The median of a sample and a distribution-free confidence interval for the median of the
 * population it was drawn from: the sign test's interval, between two order statistics of the
 * sample. It assumes only independent draws, not any shape of distribution, so it suits timings
 * (skewed, with outliers).
 *
 * @param median the sample's median
 * @param low    the interval's lower end; {@code -Infinity} when the sample is too small for the confidence
 * @param high   the interval's upper end; {@code +Infinity} likewise
 */
public record MedianInterval(double median, double low, double high) {

    /** @param confidence e.g. 0.999: the interval holds the population's median with at least this probability */
    public static MedianInterval of(double[] sample, double confidence) {
        if (sample.length == 0 || !(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("a sample and a confidence between 0 and 1");
        }
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        // [x(r), x(n+1-r)] misses the median with probability 2 P(B <= r-1), B ~ Binomial(n, 1/2):
        // the largest r whose tail stays within half of 1 - confidence.
        double tail = (1 - confidence) / 2;
        double probability = Math.pow(0.5, n);
        double cumulative = probability;
        int r = 0;
        for (int j = 0; j < n && cumulative <= tail; j++) {
            r = j + 1;
            probability = probability * (n - j) / (j + 1);
            cumulative += probability;
        }
        if (r == 0) {
            return new MedianInterval(median, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        return new MedianInterval(median, sorted[r - 1], sorted[n - r]);
    }

    /** Whether the whole interval lies within {@code [-bound, +bound]}. */
    public boolean within(double bound) {
        return low >= -bound && high <= bound;
    }

    /** Whether the whole interval lies beyond {@code +bound} or below {@code -bound}. */
    public boolean beyond(double bound) {
        return low > bound || high < -bound;
    }
}
