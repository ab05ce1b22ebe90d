package io.genstream.app.quality;

import java.util.List;

/**
 * How much one text repeats itself: the share of its n-grams that repeat an n-gram seen earlier in the same
 * text, {@code (total - distinct) / total} over {@link WordTokenizer} tokens. This is seq-rep-n of Welleck et al.
 * 2019 ("Neural Text Generation with Unlikelihood Training"); the per-item score uses n = {@value #ORDER}, their
 * headline choice, which catches a generator stuck in a loop ("soft and warm and soft and warm and ...") but not
 * the ordinary reuse of a word (distinct-1 and distinct-2 see that). 0 when nothing repeats or when the text has
 * fewer than n tokens; it approaches 1 as a text becomes one phrase over and over.
 */
public final class Repetition {

    /** The n-gram order of the per-item {@code repetition} score. */
    public static final int ORDER = 4;

    private Repetition() {
    }

    /** The per-item score: the repeated share of the text's {@value #ORDER}-grams. */
    public static double ofText(String text) {
        return repeatedNgramShare(WordTokenizer.tokenize(text), ORDER);
    }

    /** The share of the n-grams of {@code tokens} that repeat an earlier one; 0 when there are none. */
    public static double repeatedNgramShare(List<String> tokens, int n) {
        NgramCounts counts = NgramCounts.of(tokens, n);
        return counts.total() == 0 ? 0 : (double) (counts.total() - counts.distinct()) / counts.total();
    }
}
