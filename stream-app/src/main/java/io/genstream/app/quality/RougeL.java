package io.genstream.app.quality;

import java.util.List;

/**
 * ROUGE-L (Lin 2004, "ROUGE: A Package for Automatic Evaluation of Summaries", section 3.1), over
 * {@link WordTokenizer} tokens: with LCS the length of the longest common subsequence of candidate X (n tokens) and
 * reference Y (m tokens), {@code R = LCS / m}, {@code P = LCS / n} and
 * {@code F = (1 + beta^2) R P / (R + beta^2 P)}.
 *
 * <p>The per-item {@code rougeL} score is F with beta = 1 (the harmonic mean of P and R, what Google's
 * {@code rouge-score} package reports as the ROUGE-L F-measure); {@link #score} takes any beta, e.g. the 1.2 of the
 * COCO caption evaluation. All three figures are 0 when the two share no token or either is empty.
 */
public final class RougeL {

    /** The beta of the per-item score: F1. */
    public static final double DEFAULT_BETA = 1.0;

    /** ROUGE-L precision, recall and F-measure. */
    public record Score(double precision, double recall, double fMeasure) {
    }

    private RougeL() {
    }

    /** The per-item {@code rougeL} score: the F-measure (beta = 1) of {@code candidate} against {@code reference}. */
    public static double ofText(String candidate, String reference) {
        return score(WordTokenizer.tokenize(candidate), WordTokenizer.tokenize(reference), DEFAULT_BETA).fMeasure();
    }

    /** ROUGE-L of tokenized texts, F weighted by {@code beta} (beta &gt; 1 favours recall). */
    public static Score score(List<String> candidate, List<String> reference, double beta) {
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be positive and finite, not " + beta);
        }
        int lcs = longestCommonSubsequence(candidate, reference);
        if (lcs == 0) {
            return new Score(0, 0, 0);
        }
        double precision = (double) lcs / candidate.size();
        double recall = (double) lcs / reference.size();
        double beta2 = beta * beta;
        return new Score(precision, recall, (1 + beta2) * recall * precision / (recall + beta2 * precision));
    }

    /** The length of the longest common subsequence, by the O(|a| |b|) dynamic programme kept to two rows. */
    static int longestCommonSubsequence(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String token : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = token.equals(b.get(j - 1))
                        ? previous[j - 1] + 1
                        : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }
}
