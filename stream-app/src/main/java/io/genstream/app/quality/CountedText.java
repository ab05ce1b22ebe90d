package io.genstream.app.quality;

import java.util.List;

/**
 * A token sequence's length and its n-gram counts for orders 1 to {@link BleuStatistics#MAX_ORDER}, counted once:
 * self-BLEU compares every text of a sample with every other, and would otherwise count each one again per pair.
 */
final class CountedText {

    private final int length;
    private final NgramCounts[] orders;

    private CountedText(int length, NgramCounts[] orders) {
        this.length = length;
        this.orders = orders;
    }

    static CountedText of(List<String> tokens) {
        NgramCounts[] orders = new NgramCounts[BleuStatistics.MAX_ORDER];
        for (int n = 1; n <= orders.length; n++) {
            orders[n - 1] = NgramCounts.of(tokens, n);
        }
        return new CountedText(tokens.size(), orders);
    }

    /** The number of tokens. */
    int length() {
        return length;
    }

    /** The counts of the n-grams of order {@code n}, 1-based. */
    NgramCounts ngrams(int n) {
        return orders[n - 1];
    }
}
