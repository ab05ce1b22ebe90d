package io.genstream.app.quality;

import java.util.Collection;
import java.util.List;

/**
 * Distinct-n (Li et al. 2016, "A Diversity-Promoting Objective Function for Neural Conversation Models"): the
 * number of different n-grams divided by the total number of n-grams, over {@link WordTokenizer} tokens. 1 when no
 * n-gram repeats; near 0 for a text (or a set of texts) that says the same thing over and over.
 *
 * <p>For a set of texts the n-grams of all texts are pooled (corpus-level, as Li et al. report it), so the figure
 * falls when different texts repeat each other. A text, or set, with no n-gram at all (fewer than n tokens)
 * scores 0.
 */
public final class DistinctN {

    private DistinctN() {
    }

    /** Distinct-n of one text. */
    public static double ofText(String text, int n) {
        return ratio(NgramCounts.of(WordTokenizer.tokenize(text), n));
    }

    /** Distinct-n of a set of texts, their n-grams pooled. */
    public static double ofTexts(Collection<String> texts, int n) {
        List<List<String>> tokenized = texts.stream().map(WordTokenizer::tokenize).toList();
        return ratio(NgramCounts.ofAll(tokenized, n));
    }

    /** Distinct-n of already counted n-grams: {@code distinct / total}, 0 when there are none. */
    public static double ratio(NgramCounts counts) {
        return counts.total() == 0 ? 0 : (double) counts.distinct() / counts.total();
    }
}
