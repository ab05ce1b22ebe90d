package io.genstream.app.bench;

import java.util.Arrays;

/** Nearest-rank percentiles: every reported value is one that was actually observed. */
final class Percentiles {

    private final double[] sorted;

    private Percentiles(double[] sorted) {
        this.sorted = sorted;
    }

    static Percentiles of(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    int count() {
        return sorted.length;
    }

    /**
     * The smallest value with at least {@code p} percent of the values at or below it.
     *
     * @param p in (0, 100]
     * @return the value, or NaN when there are none
     */
    double at(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], not " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        // p × n first, so whole ranks stay whole (0.29 × 100 is not exactly 29 in floating point).
        int rank = (int) Math.ceil(p * sorted.length / 100.0);
        return sorted[Math.max(1, rank) - 1];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }
}
