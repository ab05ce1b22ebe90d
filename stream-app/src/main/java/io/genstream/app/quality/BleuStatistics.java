package io.genstream.app.quality;

import java.util.List;

/**
 * The sufficient statistics of BLEU (Papineni et al. 2002, "BLEU: a Method for Automatic Evaluation of Machine
 * Translation") for one hypothesis, or summed over a corpus: for n = 1..{@value #MAX_ORDER} the clipped n-gram
 * matches {@code m_n = sum over the hypothesis' n-grams g of min(count(g), max over references of count_ref(g))}
 * and the hypothesis' n-gram total {@code t_n}; the hypothesis length c; and the effective reference length r,
 * the reference length closest to c (the shorter one on a tie, as NLTK and sacreBLEU do).
 *
 * <p>Corpus BLEU is the score of the summed statistics, not the mean of sentence scores: Papineni et al. compute
 * the precisions and the brevity penalty over the whole corpus.
 */
public final class BleuStatistics {

    /** BLEU-4: n-grams up to this order, uniformly weighted. */
    public static final int MAX_ORDER = 4;

    private final long[] matches;
    private final long[] totals;
    private final long hypothesisLength;
    private final long referenceLength;

    private BleuStatistics(long[] matches, long[] totals, long hypothesisLength, long referenceLength) {
        this.matches = matches;
        this.totals = totals;
        this.hypothesisLength = hypothesisLength;
        this.referenceLength = referenceLength;
    }

    /** The statistics of one tokenized hypothesis against its tokenized references (at least one). */
    public static BleuStatistics of(List<String> hypothesis, List<List<String>> references) {
        return of(CountedText.of(hypothesis), references.stream().map(CountedText::of).toList());
    }

    static BleuStatistics of(CountedText hypothesis, List<CountedText> references) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("BLEU needs at least one reference");
        }
        long[] matches = new long[MAX_ORDER];
        long[] totals = new long[MAX_ORDER];
        for (int n = 1; n <= MAX_ORDER; n++) {
            NgramCounts counts = hypothesis.ngrams(n);
            totals[n - 1] = counts.total();
            for (var entry : counts.asMap().entrySet()) {
                int mostInAReference = 0;
                for (CountedText reference : references) {
                    mostInAReference = Math.max(mostInAReference, reference.ngrams(n).count(entry.getKey()));
                }
                matches[n - 1] += Math.min(entry.getValue(), mostInAReference);
            }
        }
        int c = hypothesis.length();
        int closest = references.get(0).length();
        for (CountedText reference : references) {
            int r = reference.length();
            int distance = Math.abs(r - c);
            if (distance < Math.abs(closest - c) || (distance == Math.abs(closest - c) && r < closest)) {
                closest = r;
            }
        }
        return new BleuStatistics(matches, totals, c, closest);
    }

    /** These statistics plus {@code other}'s: the statistics of the two corpora together. */
    public BleuStatistics plus(BleuStatistics other) {
        long[] m = new long[MAX_ORDER];
        long[] t = new long[MAX_ORDER];
        for (int i = 0; i < MAX_ORDER; i++) {
            m[i] = matches[i] + other.matches[i];
            t[i] = totals[i] + other.totals[i];
        }
        return new BleuStatistics(m, t, hypothesisLength + other.hypothesisLength,
                referenceLength + other.referenceLength);
    }

    /**
     * BLEU of these statistics: {@code BP * exp(sum_n (1/4) log p_n)}, with {@code p_n = m_n / t_n} (smoothed as
     * {@code smoothing} says) and the brevity penalty {@code BP = 1} if {@code c > r}, else {@code exp(1 - r/c)}.
     * 0 when c is 0 or any (smoothed) precision is 0, the limit of the geometric mean.
     */
    public double score(Bleu.Smoothing smoothing) {
        if (hypothesisLength == 0) {
            return 0;
        }
        double logSum = 0;
        for (int n = 1; n <= MAX_ORDER; n++) {
            long m = matches[n - 1];
            long t = totals[n - 1];
            if (smoothing == Bleu.Smoothing.ADD_ONE && n > 1) {
                m++;
                t++;
            }
            if (m == 0) {
                return 0;
            }
            logSum += Math.log((double) m / t) / MAX_ORDER;
        }
        double brevityPenalty = hypothesisLength > referenceLength
                ? 1
                : Math.exp(1 - (double) referenceLength / hypothesisLength);
        return brevityPenalty * Math.exp(logSum);
    }

    /** The clipped matches m_n of order n (1-based). */
    public long matches(int n) {
        return matches[n - 1];
    }

    /** The hypothesis' n-gram total t_n of order n (1-based). */
    public long totals(int n) {
        return totals[n - 1];
    }

    /** The hypothesis length c, in tokens. */
    public long hypothesisLength() {
        return hypothesisLength;
    }

    /** The effective reference length r, in tokens. */
    public long referenceLength() {
        return referenceLength;
    }
}
