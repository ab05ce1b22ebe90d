package io.genstream.app.quality;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each n-gram (n consecutive tokens) occurs in a token sequence, or in several sequences (n-grams never
 * span two of them). A sequence of length L has {@code max(0, L - n + 1)} n-grams. Immutable.
 */
public final class NgramCounts {

    private final int order;
    private final Map<List<String>, Integer> counts;
    private final int total;

    private NgramCounts(int order, Map<List<String>, Integer> counts, int total) {
        this.order = order;
        this.counts = counts;
        this.total = total;
    }

    /** The n-grams of one token sequence. */
    public static NgramCounts of(List<String> tokens, int n) {
        return ofAll(List.of(tokens), n);
    }

    /** The n-grams of several token sequences together, e.g. every text of a window. */
    public static NgramCounts ofAll(Collection<List<String>> sequences, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n-gram order must be at least 1, not " + n);
        }
        Map<List<String>, Integer> counts = new HashMap<>();
        int total = 0;
        for (List<String> tokens : sequences) {
            for (int start = 0; start + n <= tokens.size(); start++) {
                counts.merge(List.copyOf(tokens.subList(start, start + n)), 1, Integer::sum);
                total++;
            }
        }
        return new NgramCounts(n, Map.copyOf(counts), total);
    }

    /** n. */
    public int order() {
        return order;
    }

    /** How many n-grams there are, repeats included. */
    public int total() {
        return total;
    }

    /** How many different n-grams there are. */
    public int distinct() {
        return counts.size();
    }

    /** How often {@code ngram} occurs (0 when it does not). */
    public int count(List<String> ngram) {
        return counts.getOrDefault(ngram, 0);
    }

    /** Every n-gram with its count (unmodifiable). */
    public Map<List<String>, Integer> asMap() {
        return counts;
    }
}
