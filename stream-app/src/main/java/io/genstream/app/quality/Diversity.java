package io.genstream.app.quality;

import java.util.OptionalDouble;
import java.util.Random;

/**
 * Diversity of a set of feature vectors: their mean pairwise Euclidean distance,
 * {@code (2 / (n (n - 1))) sum_{i<j} ||x_i - x_j||}. A collapsed generator, one that draws the same thing
 * whatever its seed, drives it towards zero.
 *
 * <p>Exact over all n(n-1)/2 pairs when there are at most {@code maxPairs} of them; otherwise the mean over
 * {@code maxPairs} pairs drawn uniformly, with replacement, from all pairs of distinct items by
 * {@code java.util.Random(seed)} (an unbiased estimate; the same vectors and seed give the same figure).
 * With fewer than two vectors there is no pair and so no figure: the result is empty.
 */
public final class Diversity {

    private Diversity() {
    }

    /** The exact mean over all pairs (O(n^2 d): for windows of a few hundred vectors). */
    public static OptionalDouble meanPairwiseDistance(double[][] vectors) {
        return meanPairwiseDistance(vectors, Integer.MAX_VALUE, 0);
    }

    /** The exact mean when there are at most {@code maxPairs} pairs, else a seeded sample of that many pairs. */
    public static OptionalDouble meanPairwiseDistance(double[][] vectors, int maxPairs, long seed) {
        if (maxPairs < 1) {
            throw new IllegalArgumentException("maxPairs must be at least 1, not " + maxPairs);
        }
        int n = vectors.length;
        if (n < 2) {
            return OptionalDouble.empty();
        }
        long pairs = (long) n * (n - 1) / 2;
        double total = 0;
        if (pairs <= maxPairs) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    total += distance(vectors[i], vectors[j]);
                }
            }
            return OptionalDouble.of(total / pairs);
        }
        Random random = new Random(seed);
        for (int k = 0; k < maxPairs; k++) {
            int i = random.nextInt(n);
            int j = random.nextInt(n - 1);
            // j is uniform over the n - 1 indices other than i.
            total += distance(vectors[i], vectors[j >= i ? j + 1 : j]);
        }
        return OptionalDouble.of(total / maxPairs);
    }

    /** The Euclidean distance {@code ||a - b||}. */
    static double distance(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of dimension " + a.length + " and " + b.length);
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double diff = a[i] - b[i];
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }
}
