package io.genstream.app.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TextItemScoresTest {

    @Test
    void scoresTheTextAloneWithoutAReference() {
        // "the cat saw the cat": distinct-1 3/5, distinct-2 3/4 (see DistinctNTest); its two 4-grams differ.
        Map<String, Double> scores = TextItemScores.of("The cat saw the cat.", null);
        assertThat(scores).containsOnlyKeys("distinct1", "distinct2", "repetition");
        assertThat(scores.get("distinct1")).isCloseTo(3.0 / 5, within(1e-12));
        assertThat(scores.get("distinct2")).isCloseTo(3.0 / 4, within(1e-12));
        assertThat(scores.get("repetition")).isZero();
    }

    @Test
    void addsBleuAndRougeLWhenThereIsAReference() {
        // Lin's example again: ROUGE-L F1 of "police kill the gunman" against "police killed the gunman" is 3/4.
        // BLEU+1: unigrams 3/4; bigrams "the gunman" only, (1+1)/(3+1); trigrams (0+1)/(2+1); 4-grams (0+1)/(1+1);
        // c = r = 4, BP = 1: (3/4 * 1/2 * 1/3 * 1/2)^(1/4) = (1/16)^(1/4) = 1/2.
        Map<String, Double> scores = TextItemScores.of("police kill the gunman", "police killed the gunman");
        assertThat(scores).containsKeys("bleu", "rougeL");
        assertThat(scores.get("rougeL")).isCloseTo(0.75, within(1e-12));
        assertThat(scores.get("bleu")).isCloseTo(0.5, within(1e-12));
    }
}
