package io.genstream.app.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.genstream.app.quality.Bleu.Smoothing;
import java.util.List;
import org.junit.jupiter.api.Test;

class BleuTest {

    // Papineni et al. 2002, section 2.1, example 1 (the NLTK documentation uses the same sentences).
    private static final List<String> CANDIDATE_1 = WordTokenizer.tokenize("It is a guide to action which ensures "
            + "that the military always obeys the commands of the party.");
    private static final List<String> CANDIDATE_2 = WordTokenizer.tokenize("It is to insure the troops forever "
            + "hearing the activity guidebook that party direct.");
    private static final List<List<String>> REFERENCES = List.of(
            WordTokenizer.tokenize("It is a guide to action that ensures that the military will forever heed "
                    + "Party commands."),
            WordTokenizer.tokenize("It is the guiding principle which guarantees the military forces always being "
                    + "under the command of the Party."),
            WordTokenizer.tokenize("It is the practical guide for the army always to heed the directions of the "
                    + "party."));

    private static final double EXACT = 1e-12;

    @Test
    void clipsRepeatedWordsToTheirMostFrequentReferenceCount() {
        // Papineni et al.'s "the the the the the the the": "the" occurs at most twice in a reference (reference 1,
        // "The cat is on the mat"), so the modified unigram precision is 2/7, where plain precision would be 7/7.
        BleuStatistics stats = BleuStatistics.of(WordTokenizer.tokenize("the the the the the the the"),
                List.of(WordTokenizer.tokenize("The cat is on the mat."),
                        WordTokenizer.tokenize("There is a cat on the mat.")));
        assertThat(stats.matches(1)).isEqualTo(2);
        assertThat(stats.totals(1)).isEqualTo(7);
        // No reference holds "the the": 0 of 6 bigrams, 0 of 5 trigrams, 0 of 4 four-grams.
        assertThat(stats.matches(2)).isZero();
        assertThat(stats.totals(2)).isEqualTo(6);
        assertThat(stats.totals(4)).isEqualTo(4);
        assertThat(stats.score(Smoothing.NONE)).isZero();
        // BLEU+1: p = 2/7, (0+1)/(6+1), (0+1)/(5+1), (0+1)/(4+1); c = 7 is a reference length, so BP = 1.
        // (2/7 * 1/7 * 1/6 * 1/5)^(1/4) = (1/735)^(1/4).
        assertThat(stats.score(Smoothing.ADD_ONE)).isCloseTo(Math.pow(1.0 / 735, 0.25), within(EXACT));
    }

    @Test
    void matchesThePapineniCountsForBothCandidates() {
        // The paper: candidate 1 has modified unigram precision 17/18 (only "obeys" is in no reference) and bigram
        // precision 10/17; candidate 2 has 8/14 and 1/13.
        BleuStatistics first = BleuStatistics.of(CANDIDATE_1, REFERENCES);
        assertThat(new long[] {first.matches(1), first.totals(1), first.matches(2), first.totals(2)})
                .containsExactly(17, 18, 10, 17);
        BleuStatistics second = BleuStatistics.of(CANDIDATE_2, REFERENCES);
        assertThat(new long[] {second.matches(1), second.totals(1), second.matches(2), second.totals(2)})
                .containsExactly(8, 14, 1, 13);
    }

    @Test
    void scoresCandidateOneAsNltkDocumentsIt() {
        // Trigrams: 7 of 16 match, four-grams 4 of 15 (counted by hand: "it is a", "is a guide", "a guide to",
        // "guide to action", "ensures that the", "that the military", "of the party"; then "it is a guide",
        // "is a guide to", "a guide to action", "ensures that the military"). Reference lengths 16, 18, 16:
        // the closest to c = 18 is 18, BP = 1. BLEU = (17/18 * 10/17 * 7/16 * 4/15)^(1/4) = (7/108)^(1/4),
        // 0.5045666840058485, the value in NLTK's sentence_bleu documentation.
        double bleu = Bleu.sentence(CANDIDATE_1, REFERENCES, Smoothing.NONE);
        assertThat(bleu).isCloseTo(Math.pow(7.0 / 108, 0.25), within(EXACT));
        assertThat(bleu).isCloseTo(0.5045666840058485, within(EXACT));
    }

    @Test
    void smoothingLiftsOnlyTheHigherOrders() {
        // Candidate 2 has no matching trigram (0/12), so unsmoothed BLEU is 0. BLEU+1 keeps p1 = 8/14 and uses
        // (1+1)/(13+1), (0+1)/(12+1), (0+1)/(11+1); c = 14 against reference lengths 16, 18, 16 gives r = 16 and
        // BP = exp(1 - 16/14).
        assertThat(Bleu.sentence(CANDIDATE_2, REFERENCES, Smoothing.NONE)).isZero();
        double expected = Math.exp(1 - 16.0 / 14)
                * Math.pow(8.0 / 14 * 2.0 / 14 * 1.0 / 13 * 1.0 / 12, 0.25);
        assertThat(Bleu.sentence(CANDIDATE_2, REFERENCES, Smoothing.ADD_ONE)).isCloseTo(expected, within(EXACT));
    }

    @Test
    void perfectMatchScoresOneAndNoSharedWordScoresZeroEitherWay() {
        String text = "a warm wool scarf for cold winter days";
        assertThat(Bleu.sentence(text, text)).isCloseTo(1.0, within(EXACT));
        List<String> tokens = WordTokenizer.tokenize(text);
        assertThat(Bleu.sentence(tokens, List.of(tokens), Smoothing.NONE)).isCloseTo(1.0, within(EXACT));

        List<String> unrelated = WordTokenizer.tokenize("bright summer sandals with cork soles");
        assertThat(Bleu.sentence(unrelated, List.of(tokens), Smoothing.NONE)).isZero();
        // Add-one leaves the unigram precision alone: 0/6 keeps BLEU+1 at 0 too.
        assertThat(Bleu.sentence(unrelated, List.of(tokens), Smoothing.ADD_ONE)).isZero();
        assertThat(Bleu.sentence("", text)).isZero();
    }

    @Test
    void penalisesAHypothesisShorterThanItsReference() {
        // Every n-gram of the 6-token hypothesis is in the 8-token reference (p_n = 1), so BLEU is the brevity
        // penalty alone: exp(1 - 8/6) = exp(-1/3).
        double bleu = Bleu.sentence("the cat sat on the mat", "the cat sat on the mat all day");
        assertThat(bleu).isCloseTo(Math.exp(-1.0 / 3), within(EXACT));
    }

    @Test
    void takesTheClosestReferenceLengthAndTheShorterOnATie() {
        List<String> hypothesis = WordTokenizer.tokenize("one two three four five six");
        // Lengths 4 and 8 are both 2 away from c = 6: r = 4, the shorter, so no penalty (c > r).
        BleuStatistics tie = BleuStatistics.of(hypothesis, List.of(
                WordTokenizer.tokenize("one two three four"), WordTokenizer.tokenize("a b c d e f g h")));
        assertThat(tie.referenceLength()).isEqualTo(4);
        // Lengths 3 and 7: 7 is closer.
        BleuStatistics closer = BleuStatistics.of(hypothesis, List.of(
                WordTokenizer.tokenize("a b c"), WordTokenizer.tokenize("a b c d e f g")));
        assertThat(closer.referenceLength()).isEqualTo(7);
    }

    @Test
    void corpusBleuPoolsTheCountsAsNltkDocumentsIt() {
        // NLTK's corpus_bleu example adds a second hypothesis with one reference. Its counts: 11/11 unigrams,
        // 9/10 bigrams ("book because" is not in the reference), 6/9 trigrams (not "the book because", "book
        // because he", "because he was"), 4/8 four-grams ("he read the book" and the three from "he was
        // interested in" on), c = r = 11.
        List<String> hypothesis2 = WordTokenizer.tokenize("he read the book because he was interested in world history");
        List<String> reference2 = WordTokenizer.tokenize("he was interested in world history because he read the book");
        // Pooled with candidate 1 (17/18, 10/17, 7/16, 4/15, c = r = 18): 28/29, 19/27, 13/25, 8/23, BP = 1.
        double expected = Math.pow(28.0 / 29 * 19.0 / 27 * 13.0 / 25 * 8.0 / 23, 0.25);
        double corpus = Bleu.corpus(List.of(CANDIDATE_1, hypothesis2), List.of(REFERENCES, List.of(reference2)),
                Smoothing.NONE);
        assertThat(corpus).isCloseTo(expected, within(EXACT));
        assertThat(corpus).isCloseTo(0.5920778868801042, within(EXACT));
        // Not the mean of the two sentence scores, (7/108)^(1/4) and (1 * 9/10 * 6/9 * 4/8)^(1/4) = 0.3^(1/4).
        double meanOfSentences = (Math.pow(7.0 / 108, 0.25) + Math.pow(0.3, 0.25)) / 2;
        assertThat(corpus).isNotCloseTo(meanOfSentences, within(0.01));
    }

    @Test
    void corpusOfOneSentenceIsThatSentencesScore() {
        assertThat(Bleu.corpus(List.of(CANDIDATE_1), List.of(REFERENCES), Smoothing.NONE))
                .isEqualTo(Bleu.sentence(CANDIDATE_1, REFERENCES, Smoothing.NONE));
    }

    @Test
    void refusesMissingReferencesAndMismatchedCorpora() {
        assertThatThrownBy(() -> Bleu.sentence(CANDIDATE_1, List.of(), Smoothing.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference");
        assertThatThrownBy(() -> Bleu.corpus(List.of(CANDIDATE_1), List.of(), Smoothing.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 hypotheses but 0");
    }
}
