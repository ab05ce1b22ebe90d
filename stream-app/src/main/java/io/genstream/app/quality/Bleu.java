package io.genstream.app.quality;

import java.util.List;

/**
 * BLEU-4 (Papineni et al. 2002): the geometric mean of the clipped 1- to 4-gram precisions times a brevity
 * penalty, over {@link WordTokenizer} tokens; see {@link BleuStatistics} for the exact formula. 1 for a hypothesis
 * that equals a reference (unsmoothed, only from 4 tokens on: a shorter one has no 4-gram), 0 for one that shares
 * no word with any.
 *
 * <p>Sentence BLEU of a short text is 0 whenever one of its 4-gram precisions is, so the per-item score is
 * smoothed: {@link Smoothing#ADD_ONE} is BLEU+1 of Lin and Och 2004 ("ORANGE: a Method for Evaluating Automatic
 * Evaluation Metrics for Machine Translation"), adding 1 to the matches and the total of every order n &gt;= 2;
 * the unigram precision and the brevity penalty are left as they are, so a text with no word in common still
 * scores 0. This is smoothing 2 in Chen and Cherry 2014's list (NLTK's {@code SmoothingFunction().method2}).
 * Corpus BLEU is normally reported without smoothing.
 */
public final class Bleu {

    /** How sentence-level zero counts are treated. */
    public enum Smoothing {
        /** Papineni et al. as published: any zero precision makes BLEU 0. */
        NONE,
        /** Lin and Och 2004 BLEU+1: {@code p_n = (m_n + 1) / (t_n + 1)} for n &gt;= 2. */
        ADD_ONE
    }

    private Bleu() {
    }

    /** The per-item {@code bleu} score: BLEU+1 of {@code hypothesis} against one {@code reference} text. */
    public static double sentence(String hypothesis, String reference) {
        return sentence(WordTokenizer.tokenize(hypothesis), List.of(WordTokenizer.tokenize(reference)),
                Smoothing.ADD_ONE);
    }

    /** Sentence BLEU of one tokenized hypothesis against its tokenized references (at least one). */
    public static double sentence(List<String> hypothesis, List<List<String>> references, Smoothing smoothing) {
        return BleuStatistics.of(hypothesis, references).score(smoothing);
    }

    /**
     * Corpus BLEU: the statistics of every hypothesis (against its own references) summed, then scored.
     *
     * @param hypotheses the tokenized hypotheses
     * @param references for each hypothesis, at the same index, its tokenized references
     */
    public static double corpus(List<List<String>> hypotheses, List<List<List<String>>> references,
            Smoothing smoothing) {
        if (hypotheses.size() != references.size()) {
            throw new IllegalArgumentException(hypotheses.size() + " hypotheses but " + references.size()
                    + " reference sets");
        }
        if (hypotheses.isEmpty()) {
            throw new IllegalArgumentException("corpus BLEU of an empty corpus");
        }
        BleuStatistics sum = BleuStatistics.of(hypotheses.get(0), references.get(0));
        for (int i = 1; i < hypotheses.size(); i++) {
            sum = sum.plus(BleuStatistics.of(hypotheses.get(i), references.get(i)));
        }
        return sum.score(smoothing);
    }
}
