package io.genstream.app.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RepetitionTest {

    private static final double EXACT = 1e-12;

    @Test
    void countsTheFourGramsThatRepeatAnEarlierOne() {
        // 9 tokens give 6 four-grams: [soft and warm and], [and warm and soft], [warm and soft and],
        // [and soft and warm], then [soft and warm and] and [and warm and soft] again: 2 repeats of 6 = 1/3.
        assertThat(Repetition.ofText("soft and warm and soft and warm and soft")).isCloseTo(1.0 / 3, within(EXACT));
    }

    @Test
    void ignoresOrdinaryReuseOfAWord() {
        // "the" three times, but no 4-gram twice.
        assertThat(Repetition.ofText("the scarf keeps the cold out of the house")).isZero();
    }

    @Test
    void approachesOneForALoop() {
        // One word 20 times: 17 four-grams, all "x x x x": 16 repeats of 17.
        assertThat(Repetition.ofText("great ".repeat(20))).isCloseTo(16.0 / 17, within(EXACT));
    }

    @Test
    void takesAnyOrderAndScoresZeroWithoutNgrams() {
        // Bigrams of "a b a b a": ab, ba, ab, ba -> 2 distinct of 4, repeated share 2/4.
        assertThat(Repetition.repeatedNgramShare(WordTokenizer.tokenize("a b a b a"), 2)).isCloseTo(0.5, within(EXACT));
        assertThat(Repetition.ofText("too short")).isZero();
        assertThat(Repetition.ofText("")).isZero();
    }
}
