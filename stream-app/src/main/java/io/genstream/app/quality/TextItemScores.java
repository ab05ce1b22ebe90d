package io.genstream.app.quality;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-item text scores of issue 5 that depend on the text alone (and its reference), under the names a
 * {@code GeneratedContent}'s {@code scores} map uses: {@value #DISTINCT_1}, {@value #DISTINCT_2},
 * {@value #REPETITION}, and, when the request carried a reference, {@value #BLEU} and {@value #ROUGE_L}.
 * ({@code meanLogProb} comes from the generator and {@code grammarValid} from the catalog grammar.)
 */
public final class TextItemScores {

    /** {@link DistinctN} of the text, n = 1. */
    public static final String DISTINCT_1 = "distinct1";
    /** {@link DistinctN} of the text, n = 2. */
    public static final String DISTINCT_2 = "distinct2";
    /** {@link Repetition#ofText}: the repeated share of the text's 4-grams. */
    public static final String REPETITION = "repetition";
    /** {@link Bleu#sentence(String, String)}: BLEU+1 against the reference. */
    public static final String BLEU = "bleu";
    /** {@link RougeL#ofText}: ROUGE-L F1 against the reference. */
    public static final String ROUGE_L = "rougeL";

    private TextItemScores() {
    }

    /**
     * The scores of one generated text, in the order above.
     *
     * @param reference the request's reference text, or {@code null} when it has none (then no bleu or rougeL)
     */
    public static Map<String, Double> of(String text, String reference) {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put(DISTINCT_1, DistinctN.ofText(text, 1));
        scores.put(DISTINCT_2, DistinctN.ofText(text, 2));
        scores.put(REPETITION, Repetition.ofText(text));
        if (reference != null) {
            scores.put(BLEU, Bleu.sentence(text, reference));
            scores.put(ROUGE_L, RougeL.ofText(text, reference));
        }
        return scores;
    }
}
