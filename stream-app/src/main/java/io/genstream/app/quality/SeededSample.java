package io.genstream.app.quality;

import java.util.Arrays;
import java.util.Random;

/** A reproducible sample of indices without replacement, for the metrics that cap how many items they look at. */
final class SeededSample {

    private SeededSample() {
    }

    /**
     * {@code min(n, k)} distinct indices of {@code 0..n-1}: all of them in order when {@code n <= k}, else the first
     * k positions of a Fisher–Yates shuffle driven by {@code java.util.Random(seed)}, sorted.
     */
    static int[] indices(int n, int k, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("sample size must be at least 1, not " + k);
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (n <= k) {
            return all;
        }
        Random random = new Random(seed);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        int[] sample = Arrays.copyOf(all, k);
        Arrays.sort(sample);
        return sample;
    }
}
